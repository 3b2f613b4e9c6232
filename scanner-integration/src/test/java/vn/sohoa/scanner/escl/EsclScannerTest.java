package vn.sohoa.scanner.escl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.sohoa.scanner.FeederEmptyException;
import vn.sohoa.scanner.PaperJamException;
import vn.sohoa.scanner.ScannerBusyException;
import vn.sohoa.scanner.ScannerException;
import vn.sohoa.scanner.UnsupportedSettingException;
import vn.sohoa.scanner.escl.ScannerStatus.AdfState;
import vn.sohoa.scanner.escl.ScannerStatus.ScannerState;

/**
 * {@link EsclScanner} against {@link EsclScannerSimulator}, which stands in for a real eSCL device
 * (none can run where these tests run) and is written from the public eSCL specification. What a
 * real device adds (slow pages, TLS, vendor quirks) is not covered here.
 */
class EsclScannerTest {

    private EsclScannerSimulator simulator;
    private EsclScanner scanner;

    @BeforeEach
    void startSimulator() throws IOException {
        simulator = EsclScannerSimulator.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        scanner = new EsclScanner(simulator.root(), http, Duration.ofSeconds(10), Duration.ofMillis(10), 5);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void readsWhatTheScannerOffers() throws ScannerException {
        ScannerCapabilities caps = scanner.capabilities();

        assertThat(caps.makeAndModel()).isEqualTo(EsclScannerSimulator.MAKE_AND_MODEL);
        assertThat(caps.serialNumber()).isEqualTo("SIM-0001");
        assertThat(caps.inputs()).containsOnlyKeys(InputSource.PLATEN, InputSource.FEEDER);
        InputCapabilities feeder = caps.input(InputSource.FEEDER).orElseThrow();
        assertThat(feeder.resolutions()).containsExactly(100, 150, 200, 300, 600);
        assertThat(feeder.colorModes()).containsExactly(ColorMode.BLACK_AND_WHITE, ColorMode.GRAYSCALE, ColorMode.COLOR);
        assertThat(feeder.documentFormats()).containsExactly(ScanSettings.JPEG, ScanSettings.PDF);
        assertThat(feeder.maxWidth()).isEqualTo(2550);
        assertThat(caps.duplex()).isFalse();
    }

    @Test
    void readsTheStatusOfTheFeeder() throws ScannerException {
        assertThat(scanner.status()).isEqualTo(new ScannerStatus(ScannerState.IDLE, AdfState.EMPTY, "ScannerAdfEmpty"));
        simulator.loadFeeder(2);
        assertThat(scanner.status().adf()).isEqualTo(AdfState.LOADED);
    }

    @Test
    void scansOnePageFromTheGlass() throws Exception {
        List<ScannedDocument> pages = scanner.scan(ScanSettings.a4(InputSource.PLATEN, 100, ColorMode.COLOR, ScanSettings.JPEG));

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).contentType()).isEqualTo("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(pages.get(0).bytes()));
        assertThat(image.getWidth()).isEqualTo(826); // A4 at 100 dpi: 2480/300 in
        assertThat(image.getHeight()).isEqualTo(1169);
        assertThat(simulator.receivedSettings().get(0))
                .contains("<pwg:InputSource>Platen</pwg:InputSource>", "<scan:ColorMode>RGB24</scan:ColorMode>",
                        "<scan:XResolution>100</scan:XResolution>", "<pwg:Width>2480</pwg:Width>",
                        "<pwg:Height>3508</pwg:Height>")
                .doesNotContain("Duplex");
    }

    @Test
    void scansTheWholeFeederStackInOrder() throws ScannerException {
        simulator.loadFeeder(3);

        List<ScannedDocument> pages = scanner.scan(ScanSettings.a4(InputSource.FEEDER, 150, ColorMode.GRAYSCALE, ScanSettings.JPEG));

        assertThat(pages).extracting(ScannedDocument::sequence).containsExactly(1, 2, 3);
        assertThat(simulator.pagesInFeeder()).isZero();
        assertThat(scanner.status().state()).isEqualTo(ScannerState.IDLE);
    }

    @Test
    void scansToPdfWhenAsked() throws ScannerException {
        simulator.loadFeeder(1);

        List<ScannedDocument> pages = scanner.scan(ScanSettings.a4(InputSource.FEEDER, 100, ColorMode.BLACK_AND_WHITE, ScanSettings.PDF));

        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page.contentType()).isEqualTo(ScanSettings.PDF);
            assertThat(new String(page.bytes(), 0, 5)).isEqualTo("%PDF-");
        });
    }

    @Test
    void anEmptyFeederSaysToLoadPaper() {
        assertThatThrownBy(() -> scanner.scan(ScanSettings.a4(InputSource.FEEDER, 300, ColorMode.COLOR, ScanSettings.JPEG)))
                .isInstanceOf(FeederEmptyException.class)
                .hasMessageContaining("feeder of " + EsclScannerSimulator.MAKE_AND_MODEL)
                .hasMessageContaining("put the pages in the feeder");
    }

    @Test
    void aJamMidBatchKeepsThePagesBeforeItAndSaysWhereToResume() {
        simulator.loadFeeder(4);
        simulator.jamAfter(2);
        List<ScannedDocument> received = new ArrayList<>();

        assertThatThrownBy(() -> scanner.scan(ScanSettings.a4(InputSource.FEEDER, 100, ColorMode.GRAYSCALE, ScanSettings.JPEG), received::add))
                .isInstanceOfSatisfying(PaperJamException.class, jam -> assertThat(jam.pagesScanned()).isEqualTo(2))
                .hasMessageContaining("after 2 page(s)")
                .hasMessageContaining("scan again from page 3");
        assertThat(received).hasSize(2);
        assertThat(simulator.job(URI.create(simulator.root() + "ScanJobs/job-1")).state()).isEqualTo("Canceled");
    }

    @Test
    void cancellingAJobLeavesTheRestOfTheStackInTheFeeder() throws ScannerException {
        simulator.loadFeeder(5);
        ScanJob job = scanner.startJob(ScanSettings.a4(InputSource.FEEDER, 100, ColorMode.GRAYSCALE, ScanSettings.JPEG));
        assertThat(scanner.nextDocument(job, 0)).isPresent();

        scanner.cancel(job);

        assertThat(simulator.job(job.location()).state()).isEqualTo("Canceled");
        assertThat(scanner.nextDocument(job, 1)).isEmpty();
        assertThat(simulator.pagesInFeeder()).isEqualTo(4);
        scanner.cancel(job); // a second cancel is harmless
    }

    @Test
    void waitsForAScannerThatIsWarmingUp() throws ScannerException {
        simulator.loadFeeder(2);
        simulator.answerNotReady(3);

        assertThat(scanner.scan(ScanSettings.a4(InputSource.FEEDER, 100, ColorMode.GRAYSCALE, ScanSettings.JPEG))).hasSize(2);
    }

    @Test
    void aScannerBusyWithSomeoneElsesJobSaysToWait() {
        simulator.busyWithAnotherJob();

        assertThatThrownBy(() -> scanner.scan(ScanSettings.a4(InputSource.PLATEN, 300, ColorMode.COLOR, ScanSettings.JPEG)))
                .isInstanceOf(ScannerBusyException.class).hasMessageContaining("busy");
    }

    @Test
    void settingsTheScannerDoesNotOfferAreRefusedBeforeScanning() {
        assertThatThrownBy(() -> scanner.startJob(ScanSettings.a4(InputSource.PLATEN, 1200, ColorMode.COLOR, ScanSettings.JPEG)))
                .isInstanceOf(UnsupportedSettingException.class)
                .hasMessageContaining("resolution (dpi) 1200").hasMessageContaining("[100, 150, 200, 300, 600]");
        assertThatThrownBy(() -> scanner.startJob(ScanSettings.a4(InputSource.FEEDER, 300, ColorMode.COLOR, "image/tiff")))
                .isInstanceOf(UnsupportedSettingException.class).hasMessageContaining("image/tiff");
        assertThatThrownBy(() -> scanner.startJob(ScanSettings.a4(InputSource.FEEDER, 300, ColorMode.COLOR, ScanSettings.JPEG).withDuplex(true)))
                .isInstanceOf(UnsupportedSettingException.class).hasMessageContaining("both sides");
        assertThat(simulator.receivedSettings()).isEmpty();
    }

    @Test
    void aScannerThatDoesNotAnswerSaysSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EsclScanner nobody = new EsclScanner(URI.create("http://127.0.0.1:" + closedPort + "/eSCL"),
                HttpClient.newHttpClient(), Duration.ofSeconds(2), Duration.ofMillis(10), 1);

        assertThatThrownBy(nobody::status).isInstanceOf(ScannerException.class).hasMessageContaining("does not answer");
    }

    @Test
    void readsRangesAndDuplexFromOtherDevicesCapabilities() throws IOException {
        String xml = """
                <scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
                  <pwg:MakeAndModel>Brother MFC-L2750DW series</pwg:MakeAndModel>
                  <scan:Adf>
                    <scan:AdfSimplexInputCaps><scan:MaxWidth>2550</scan:MaxWidth><scan:MaxHeight>4200</scan:MaxHeight>
                      <scan:SettingProfiles><scan:SettingProfile>
                        <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>RGB48</scan:ColorMode></scan:ColorModes>
                        <scan:SupportedResolutions><scan:XResolutionRange><scan:Min>100</scan:Min><scan:Max>300</scan:Max><scan:Step>1</scan:Step></scan:XResolutionRange></scan:SupportedResolutions>
                      </scan:SettingProfile></scan:SettingProfiles>
                    </scan:AdfSimplexInputCaps>
                    <scan:AdfDuplexInputCaps/>
                  </scan:Adf>
                </scan:ScannerCapabilities>
                """;

        ScannerCapabilities caps = ScannerCapabilities.parse(xml.getBytes());

        assertThat(caps.input(InputSource.PLATEN)).isEqualTo(Optional.empty());
        assertThat(caps.input(InputSource.FEEDER).orElseThrow().resolutions()).containsExactly(100, 150, 200, 240, 300);
        assertThat(caps.input(InputSource.FEEDER).orElseThrow().colorModes()).containsExactly(ColorMode.COLOR);
        assertThat(caps.duplex()).isTrue();
    }

    @Test
    void refusesXmlWithADoctype() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ScannerStatus>&e;</ScannerStatus>";

        assertThatThrownBy(() -> ScannerStatus.parse(xml.getBytes())).isInstanceOf(IOException.class)
                .hasMessageContaining("not readable XML");
    }
}
