package vn.sohoa.scanner.sane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.sohoa.scanner.FeederEmptyException;
import vn.sohoa.scanner.PaperJamException;
import vn.sohoa.scanner.ScannerBusyException;
import vn.sohoa.scanner.ScannerException;
import vn.sohoa.scanner.UnsupportedSettingException;
import vn.sohoa.scanner.sane.SaneScanSettings.Mode;
import vn.sohoa.scanner.sane.SaneScanSettings.Source;

/**
 * {@link SaneScanner} against a real saned ({@link SanedDaemon}) serving SANE's "test" backend: the
 * SANE network protocol, option handling and the feeder's statuses are the real ones; only the
 * paper is virtual. The test backend's feeder gives 10 sheets, then reports it is empty, scans at most 200 x 200 mm,
 * and its {@code read-return-value} option makes it report a jam, an empty feeder or a busy device on
 * demand.
 *
 * <p>Not tagged e2e: the whole class takes under two seconds once saned is installed (saned starts in
 * about 50 ms). On a machine without saned the first run installs it ({@link SanedDaemon}).
 */
class SaneScannerTest {

    private static Optional<SanedDaemon> saned = Optional.empty();
    private SaneScanner sane;

    @BeforeAll
    static void startSaned() throws Exception {
        saned = SanedDaemon.start();
    }

    @AfterAll
    static void stopSaned() throws InterruptedException {
        if (saned.isPresent()) {
            saned.get().close();
        }
    }

    @BeforeEach
    void connect() throws ScannerException {
        Assumptions.assumeTrue(saned.isPresent(), SanedDaemon.MISSING);
        sane = SaneScanner.connect(saned.get().address(), Duration.ofSeconds(30));
    }

    @AfterEach
    void disconnect() throws Exception {
        if (sane != null) {
            sane.close();
        }
    }

    @Test
    void listsTheTestBackendsDevices() throws ScannerException {
        assertThat(sane.devices()).extracting(SaneDeviceInfo::name).containsExactly("test:0", "test:1");
        assertThat(sane.devices().get(0).label()).contains("test:0");
    }

    @Test
    void scansOnePageOfTheExpectedSizeFromTheFlatbed() throws Exception {
        try (OpenSaneDevice device = sane.open("test:0")) {
            assertThat(device.sources()).contains("Flatbed", "Automatic Document Feeder");
            device.configure(new SaneScanSettings(150, Mode.GRAY, Source.FLATBED, 100, 120));

            BufferedImage page = device.acquirePage();

            // 100 x 120 mm at 150 dpi
            assertThat(page.getWidth()).isBetween(590, 591);
            assertThat(page.getHeight()).isBetween(708, 709);
        }
    }

    @Test
    void anA4RequestIsCutToWhatTheDeviceCanScan() throws Exception {
        try (OpenSaneDevice device = sane.open("test:0")) {
            device.configure(SaneScanSettings.a4(50, Mode.COLOR, Source.FLATBED));

            BufferedImage page = device.acquirePage();

            // the test backend scans at most 200 x 200 mm: 393.7 pixels at 50 dpi
            assertThat(page.getWidth()).isBetween(393, 394);
            assertThat(page.getHeight()).isBetween(393, 394);
        }
    }

    @Test
    void scansTheFeederUntilItIsEmpty() throws Exception {
        try (OpenSaneDevice device = sane.open("test:1")) {
            device.configure(new SaneScanSettings(50, Mode.GRAY, Source.FEEDER, 50, 60));

            List<BufferedImage> pages = device.acquireFeederBatch();

            assertThat(pages).hasSize(10);
            assertThat(pages).allSatisfy(page -> assertThat(page.getWidth()).isBetween(98, 99));
        }
    }

    @Test
    void anEmptyFeederSaysToLoadPaper() throws Exception {
        try (OpenSaneDevice device = sane.open("test:1")) {
            device.configure(new SaneScanSettings(50, Mode.GRAY, Source.FEEDER, 50, 60));
            device.setOption("read-return-value", "SANE_STATUS_NO_DOCS");

            assertThatThrownBy(device::acquireFeederBatch).isInstanceOf(FeederEmptyException.class)
                    .hasMessageContaining("test:1").hasMessageContaining("put the pages in the feeder");
        }
    }

    @Test
    void aJamMidBatchReportsThePagesScannedBeforeIt() throws Exception {
        try (OpenSaneDevice device = sane.open("test:0")) {
            device.configure(new SaneScanSettings(50, Mode.GRAY, Source.FEEDER, 50, 60));
            List<BufferedImage> received = new ArrayList<>();

            assertThatThrownBy(() -> device.acquireFeederBatch(page -> {
                received.add(page);
                if (received.size() == 2) {
                    jamTheNextSheet(device);
                }
            })).isInstanceOfSatisfying(PaperJamException.class, jam -> assertThat(jam.pagesScanned()).isEqualTo(2))
                    .hasMessageContaining("scan again from page 3");
            assertThat(received).hasSize(2);
        }
    }

    @Test
    void aBusyDeviceSaysToWait() throws Exception {
        try (OpenSaneDevice device = sane.open("test:0")) {
            device.configure(new SaneScanSettings(50, Mode.GRAY, Source.FLATBED, 50, 50));
            device.setOption("read-return-value", "SANE_STATUS_DEVICE_BUSY");

            assertThatThrownBy(device::acquirePage).isInstanceOf(ScannerBusyException.class);
        }
    }

    @Test
    void aConnectionSanedEndedFailsTheScanAndClosesQuietly() throws Exception {
        OpenSaneDevice device = sane.open("test:0");
        device.configure(new SaneScanSettings(50, Mode.GRAY, Source.FLATBED, 50, 50));

        saned.get().killConnections();

        assertThatThrownBy(device::acquirePage).isInstanceOf(ScannerException.class)
                .hasMessageContaining("Lost the connection to test:0");
        assertThatCode(device::close).doesNotThrowAnyException();
        assertThatCode(sane::close).doesNotThrowAnyException();
        sane = null;
    }

    @Test
    void settingsTheDeviceDoesNotOfferAreNamedWithWhatItOffers() throws Exception {
        try (OpenSaneDevice device = sane.open("test:0")) {
            assertThatThrownBy(() -> device.configure(SaneScanSettings.a4(300, Mode.GRAY, Source.FEEDER_DUPLEX)))
                    .isInstanceOf(UnsupportedSettingException.class)
                    .hasMessageContaining("paper source FEEDER_DUPLEX")
                    .hasMessageContaining("Automatic Document Feeder");
            assertThatThrownBy(() -> device.configure(SaneScanSettings.a4(2400, Mode.GRAY, Source.FLATBED)))
                    .isInstanceOf(UnsupportedSettingException.class).hasMessageContaining("2400");
            assertThatThrownBy(() -> device.setOption("no-such-option", "1"))
                    .isInstanceOf(UnsupportedSettingException.class).hasMessageContaining("scanimage -A");
        }
    }

    private static void jamTheNextSheet(OpenSaneDevice device) {
        try {
            device.setOption("read-return-value", "SANE_STATUS_JAMMED");
        } catch (ScannerException e) {
            throw new IllegalStateException(e);
        }
    }
}
