package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.ServiceFixtures.baseUrl;
import static vn.sohoa.app.ServiceFixtures.count;
import static vn.sohoa.app.ServiceFixtures.drop;
import static vn.sohoa.app.intake.CaptureFixtures.captureProperties;
import static vn.sohoa.app.intake.CaptureFixtures.everyMessageHas;
import static vn.sohoa.app.intake.CaptureFixtures.filesUnder;
import static vn.sohoa.app.intake.CaptureFixtures.hasFlag;
import static vn.sohoa.app.intake.CaptureFixtures.imapServer;
import static vn.sohoa.app.intake.CaptureFixtures.scanMail;
import static vn.sohoa.app.intake.CaptureFixtures.scanMailbox;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.Await;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.intake.FtpStandIn;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.Registry;

/**
 * Attacks through the capture edges, against the real service on the machine's PostgreSQL and broker: a
 * scanner of agency A filing into a sibling agency B's dossier (inbox folder, scan-to-folder cover sheet, mail
 * subject), into a dossier of no agency, a dossier code of bad syntax (a space, non-ASCII, a slash) in an
 * inbox folder, a mail subject and an upload, a source configured for an agency the registry does not know,
 * and a procedure name that a spreadsheet would run as a formula in the CSV report.
 */
@Tag("e2e")
class CaptureAttackEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final String HYPERLINK = "=HYPERLINK(\"http://attacker.example/\",\"Xem\")";

    @RegisterExtension
    static GreenMailExtension mail = imapServer();

    @TempDir
    Path home;

    @TempDir
    Path outside;

    @Test
    void aCaptureSourceAddsOnlyToDossiersOfItsAgencyAndOnlyUnderValidCodes() throws Exception {
        Path share = Files.createDirectories(outside.resolve("share"));
        Path ftpRoot = Files.createDirectories(outside.resolve("ftp"));
        GreenMailUser mailbox = scanMailbox(mail);
        MachineServices services = new MachineServices();
        FtpStandIn ftp = FtpStandIn.start(ftpRoot);
        Map<String, Object> properties = captureProperties(services, share, ftp, mail);
        properties.put("sohoa.intake.agency", "HA");
        properties.put("sohoa.capture.ftp.agency", "KHONG-CO");
        try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Registry registry = context.getBean(Registry.class);
            registry.agency(new Registry.Agency("T1", "Tỉnh thử", Registry.Level.province, null));
            registry.agency(new Registry.Agency("HA", "Huyện A", Registry.Level.district, "T1"));
            registry.agency(new Registry.Agency("HB", "Huyện B", Registry.Level.district, "T1"));
            registry.agency(new Registry.Agency("XA", "Xã dưới huyện A", Registry.Level.commune, "HA"));
            registry.dossier(new Registry.DossierFacts("HS-B-0001", "HB", null, null, null, null), "test");
            registry.dossier(new Registry.DossierFacts("HS-XA-0001", "XA", null, null, null, null), "test");
            jdbc.update("insert into dossier (code) values ('HS-NO-AGENCY')");
            Path page = new PaperBatch().page("ĐƠN ĐỀ NGHỊ").writeTiff(outside.resolve("don.tif"));

            drop(page, home.resolve("inbox/HS-B-0001"), "b.tif");
            drop(page, home.resolve("inbox/HS-NO-AGENCY"), "n.tif");
            drop(page, home.resolve("inbox/HS 01"), "space.tif");
            drop(page, home.resolve("inbox/hồ-sơ-01"), "vi.tif");
            drop(page, home.resolve("inbox/HS-A-NEW"), "a.tif");
            drop(page, home.resolve("inbox/HS-XA-0001"), "x.tif");
            new PaperBatch().cover("HS-B-0001").page("TỜ KHAI").writeTiff(share.resolve("lo.tif"));
            // other bytes than b.tif's: the same bytes in the same dossier are the same planned document
            mailbox.deliver(scanMail("Hồ sơ HS-B-0001", "m1.tif", Files.readAllBytes(
                    new PaperBatch().page("GIẤY MỜI").writeTiff(outside.resolve("gm.tif")))));
            mailbox.deliver(scanMail("Hồ sơ HS/01/2026", "m2.tif", Files.readAllBytes(page)));
            Files.copy(page, Files.createDirectories(ftpRoot.resolve("HS-A-FTP")).resolve("f.tif"));

            Await.until("eight rejections recorded", TIMEOUT, () -> count(jdbc, "select count(*) from rejected_scan") == 8);
            Map<String, String> reasons = new HashMap<>();
            jdbc.query("select original_name, reason from rejected_scan", rs -> {
                reasons.put(rs.getString(1), rs.getString(2));
            });
            assertThat(reasons).containsOnlyKeys("b.tif", "n.tif", "space.tif", "vi.tif", "m1.tif", "m2.tif", "f.tif",
                    "lo.tif.tai-lieu-1.json");
            assertThat(reasons).containsEntry("b.tif", "DOSSIER_OF_ANOTHER_AGENCY")
                    .containsEntry("n.tif", "DOSSIER_OF_ANOTHER_AGENCY")
                    .containsEntry("lo.tif.tai-lieu-1.json", "DOSSIER_OF_ANOTHER_AGENCY")
                    .containsEntry("m1.tif", "DOSSIER_OF_ANOTHER_AGENCY")
                    .containsEntry("space.tif", "INVALID_DOSSIER_CODE")
                    .containsEntry("vi.tif", "INVALID_DOSSIER_CODE")
                    .containsEntry("m2.tif", "INVALID_DOSSIER_CODE")
                    .containsEntry("f.tif", "UNKNOWN_AGENCY");
            assertThat(filesUnder(home.resolve("failed/HS-B-0001"))).anySatisfy(f -> assertThat(f).endsWith("-b.tif"))
                    .anySatisfy(f -> assertThat(f).endsWith("-b.tif.reason.txt"));
            assertThat(filesUnder(home.resolve("failed/HS 01"))).anySatisfy(f -> assertThat(f).endsWith("-space.tif"));
            assertThat(filesUnder(home.resolve("capture/folder/failed")))
                    .anySatisfy(f -> assertThat(f).endsWith("-lo.tif.reason.txt"));
            assertThat(filesUnder(home.resolve("failed/ftp/HS-A-FTP"))).anySatisfy(f -> assertThat(f).endsWith("-f.tif.reason.txt"));

            Await.until("the two documents A may add are recorded", TIMEOUT,
                    () -> count(jdbc, "select count(*) from document") == 2);
            assertThat(jdbc.queryForList("select s.code || ' ' || coalesce(a.code, '-') from document d"
                    + " join dossier s on s.id = d.dossier_id left join agency a on a.id = s.agency_id order by s.code",
                    String.class)).containsExactly("HS-A-NEW HA", "HS-XA-0001 XA");
            assertThat(jdbc.queryForObject("select a.code from dossier s join agency a on a.id = s.agency_id"
                    + " where s.code = 'HS-B-0001'", String.class)).as("B's dossier stays B's").isEqualTo("HB");
            assertThat(count(jdbc, "select count(*) from document d join dossier s on s.id = d.dossier_id"
                    + " where s.code in ('HS-B-0001', 'HS-NO-AGENCY')")).isZero();
            assertThat(count(jdbc, "select count(*) from dossier where code !~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'")).isZero();
            assertThat(filesUnder(home.resolve("pdf/HS-B-0001"))).isEmpty();
            Await.until("the mails are seen", TIMEOUT, () -> everyMessageHas(mail, Flags.Flag.SEEN));
            // the code of bad syntax is refused at once, the other agency's dossier by the worker
            assertThat(List.of(mail.getReceivedMessages())).filteredOn(m -> hasFlag(m, Flags.Flag.FLAGGED)).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Hồ sơ HS/01/2026"));

            ApiCaller admin = ApiCaller.basic(baseUrl(context), MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD);
            for (String code : List.of("HS%2001", "h%E1%BB%93-s%C6%A1-01", "-HS-01")) {
                HttpResponse<String> refused = admin.upload("/api/dossiers/" + code + "/files", page);
                assertThat(refused.statusCode()).as(code).isEqualTo(400);
                assertThat(refused.body()).as(code).contains("a dossier code (mã hồ sơ) must be 1 to 100 ASCII letters");
            }
            assertThat(count(jdbc, "select count(*) from dossier")).as("no dossier made by a refused upload").isEqualTo(4);

            registry.procedure(new Registry.Procedure("9.999", HYPERLINK, Registry.Level.district, List.of()));
            LocalDate received = LocalDate.of(2026, 3, 2);
            registry.dossier(new Registry.DossierFacts("HS-REPORT-1", "HA", "9.999", received, received.plusDays(5),
                    null), "test");
            HttpResponse<String> csv = admin.get("/api/reports/digitization.csv?from=2026-03-01&to=2026-03-31&agency=HA");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).contains("Theo thủ tục,9.999,\"'=HYPERLINK(")
                    .doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
        } finally {
            ftp.close();
            services.close();
        }
    }
}
