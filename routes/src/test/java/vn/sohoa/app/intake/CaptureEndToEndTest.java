package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
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
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import vn.sohoa.app.records.MachineServices;

/**
 * The ways scanners deliver without a SoHoa client, end to end through the service: the inbox root and a
 * scan-to-folder share (batches cut by cover sheets), scan-to-FTP and scan-to-e-mail. The FTP server is a
 * stand-in (Apache FtpServer, embedded on 127.0.0.1), and so is the mail server (GreenMail's IMAP on
 * 127.0.0.1); PostgreSQL and the broker are the machine's or the embedded ones, as in the inbox test.
 */
@Tag("e2e")
class CaptureEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @RegisterExtension
    static GreenMailExtension mail = imapServer();

    @TempDir
    Path home;

    @TempDir
    Path outside;

    @Test
    void scansFromTheInboxRootAShareFtpAndMailEndInTheirDossiers() throws Exception {
        Path ftpRoot = Files.createDirectories(outside.resolve("ftp"));
        Path share = Files.createDirectories(outside.resolve("share"));
        GreenMailUser mailbox = scanMailbox(mail);
        MachineServices services = new MachineServices();
        FtpStandIn ftp = FtpStandIn.start(ftpRoot);
        Map<String, Object> properties = captureProperties(services, share, ftp, mail);
        try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            // inbox root: a page before any cover, then a dossier of two documents
            Path batch = new PaperBatch().page("TRANG LẠC").cover("HS-INBOX-0001").page("ĐƠN ĐỀ NGHỊ").separator()
                    .page("TỜ KHAI").writeTiff(outside.resolve("lo.tif"));
            drop(batch, home.resolve("inbox"), "lo.tif");
            // scan-to-folder share
            new PaperBatch().cover("HS-FOLDER-0002").page("QUYẾT ĐỊNH").writeTiff(share.resolve("scan0001.tif"));
            // scan-to-FTP: a dossier folder, a batch with a cover sheet, and a broken file
            Files.createDirectories(ftpRoot.resolve("HS-FTP-0003"));
            Files.copy(new PaperBatch().page("BIÊN BẢN").writeTiff(outside.resolve("bb.tif")), ftpRoot.resolve("HS-FTP-0003/bb.tif"));
            new PaperBatch().cover("HS-FTP-0004").page("THÔNG BÁO").writeTiff(ftpRoot.resolve("scan-ftp.tif"));
            Files.writeString(ftpRoot.resolve("hong.pdf"), "%PDF-1.7 truncated", StandardCharsets.UTF_8);
            // scan-to-e-mail: the code in the subject, a cover sheet, and a broken attachment
            mailbox.deliver(scanMail("Hồ sơ HS-MAIL-0005", "to-khai.tif",
                    Files.readAllBytes(new PaperBatch().page("TỜ KHAI").writeTiff(outside.resolve("tk.tif")))));
            mailbox.deliver(scanMail("Scan from HP-LaserJet-M428", "scan.tif",
                    Files.readAllBytes(new PaperBatch().cover("HS-MAIL-0006").page("GIẤY MỜI").writeTiff(outside.resolve("gm.tif")))));
            mailbox.deliver(scanMail("Scan from HP-LaserJet-M428", "hong.pdf", "%PDF-1.7 truncated".getBytes(StandardCharsets.UTF_8)));

            Await.until("all documents recorded", TIMEOUT, () -> count(jdbc, "select count(*) from document") == 7);
            assertThat(documentsPerDossier(jdbc)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "HS-INBOX-0001", 2L, "HS-FOLDER-0002", 1L, "HS-FTP-0003", 1L, "HS-FTP-0004", 1L,
                    "HS-MAIL-0005", 1L, "HS-MAIL-0006", 1L));
            assertThat(jdbc.queryForList("select page_count from document d join dossier s on s.id = d.dossier_id"
                    + " where s.code = 'HS-INBOX-0001'", Integer.class)).containsExactly(1, 1);
            assertThat(jdbc.queryForList("select text from page p join document d on d.id = p.document_id"
                    + " join dossier s on s.id = d.dossier_id where s.code = 'HS-INBOX-0001' order by text", String.class))
                    .allSatisfy(text -> assertThat(text).doesNotContain("PHIẾU"));

            Await.until("three rejections recorded", TIMEOUT,
                    () -> count(jdbc, "select count(*) from rejected_scan") == 3);
            assertThat(jdbc.queryForList("select reason from rejected_scan order by reason", String.class))
                    .containsExactly("BROKEN_PDF", "BROKEN_PDF", Quarantine.UNASSIGNED_PAGES);
            assertThat(filesUnder(home.resolve("failed"))).anySatisfy(f -> assertThat(f).endsWith("-lo.tif.reason.txt"));
            assertThat(filesUnder(home.resolve("failed/ftp"))).anySatisfy(f -> assertThat(f).endsWith("-hong.pdf.reason.txt"));

            Await.until("files leave the inbox, the share and the FTP folder", TIMEOUT,
                    () -> filesUnder(home.resolve("inbox")).isEmpty() && filesUnder(share).isEmpty()
                            && filesUnder(ftpRoot).stream().allMatch(f -> f.startsWith(".")));
            assertThat(filesUnder(home.resolve("done"))).singleElement().asString().endsWith("-lo.tif");
            assertThat(filesUnder(home.resolve("capture/folder/done"))).singleElement().asString().endsWith("-scan0001.tif");
            assertThat(filesUnder(ftpRoot.resolve(".done"))).containsExactlyInAnyOrder("HS-FTP-0003/bb.tif", "scan-ftp.tif");
            assertThat(filesUnder(ftpRoot.resolve(".failed"))).containsExactly("hong.pdf");

            Await.until("every message seen", TIMEOUT, () -> everyMessageHas(mail, Flags.Flag.SEEN));
            assertThat(List.of(mail.getReceivedMessages())).filteredOn(m -> hasFlag(m, Flags.Flag.FLAGGED)).singleElement()
                    .satisfies(m -> assertThat(m.getContent()).isInstanceOf(MimeMultipart.class));

            // the same batch again, under another name: no new document
            drop(batch, home.resolve("inbox"), "lai.tif");
            Await.until("the second copy leaves the inbox", TIMEOUT, () -> filesUnder(home.resolve("inbox")).isEmpty());
            Await.until("its unassigned page is reported again", TIMEOUT,
                    () -> count(jdbc, "select count(*) from rejected_scan") == 4);
            assertThat(count(jdbc, "select count(*) from document")).isEqualTo(7);
        } finally {
            ftp.close();
            services.close();
        }
    }

    private static Map<String, Long> documentsPerDossier(JdbcTemplate jdbc) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select s.code, count(*) from document d join dossier s on s.id = d.dossier_id group by s.code",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
