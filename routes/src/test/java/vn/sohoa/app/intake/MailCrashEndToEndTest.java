package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.intake.CaptureFixtures.attachment;
import static vn.sohoa.app.intake.CaptureFixtures.hasFlag;
import static vn.sohoa.app.intake.CaptureFixtures.imapServer;
import static vn.sohoa.app.intake.CaptureFixtures.imapUri;
import static vn.sohoa.app.intake.CaptureFixtures.mailWith;
import static vn.sohoa.app.intake.CaptureFixtures.onlyMessage;
import static vn.sohoa.app.intake.CaptureFixtures.scanMailbox;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
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
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.ops.ServeProcess;
import vn.sohoa.app.records.MachineServices;

/**
 * {@code sohoa serve} (its own JVM, the machine's PostgreSQL and RabbitMQ, GreenMail's IMAP on 127.0.0.1)
 * dies once the first of a mail's two attachments is stored and queued, before the second is stored and
 * before the mail is marked read; what is faked is only the moment of death
 * ({@link HaltBeforeSecondMailAttachment} halts the JVM there, as kill -9 would). Started again, it reads the
 * mail again, skips the first attachment, takes the second, and marks the mail read: each attachment ends one
 * scan job and one document.
 */
@Tag("e2e")
class MailCrashEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @RegisterExtension
    static GreenMailExtension mail = imapServer();

    @TempDir
    Path home;

    @Test
    void aMailReadAgainAfterACrashMakesEachAttachmentOnce() throws Exception {
        try (MachineServices services = new MachineServices()) {
            services.assumeMachineDatabaseAndBroker("an embedded PostgreSQL would outlive its halted parent");
            GreenMailUser mailbox = scanMailbox(mail);
            Path staging = Files.createDirectories(home.resolve("staging"));
            byte[] first = Files.readAllBytes(new PaperBatch().page("TỜ KHAI").writeTiff(staging.resolve("a.tif")));
            byte[] second = Files.readAllBytes(new PaperBatch().page("GIẤY MỜI").writeTiff(staging.resolve("b.tif")));
            mailbox.deliver(mailWith("Hồ sơ HS-CRASH-0001", List.of(
                    attachment("attachment; filename=\"to-khai.tif\"", first),
                    attachment("attachment; filename=\"giay-moi.tif\"", second))));
            Map<String, String> environment = new HashMap<>(services.environment());
            environment.put("SOHOA_CAPTURE_IMAP_URI", imapUri(mail));

            Map<String, String> crashing = new HashMap<>(environment);
            crashing.put("SPRING_MAIN_SOURCES", HaltBeforeSecondMailAttachment.class.getName());
            try (ServeProcess crashed = ServeProcess.start(home, home, "first", crashing)) {
                ServeProcess.await("it dies before the second attachment", TIMEOUT, () -> !crashed.alive());
                assertThat(crashed.exitCode()).as(crashed.tail(40)).isEqualTo(137);
            }
            assertThat(Files.readString(home.resolve("first.log")))
                    .contains(HaltBeforeSecondMailAttachment.MARK + " giay-moi.tif");
            assertThat(FolderContents.count(home.resolve("originals"))).as("the first attachment is stored").isEqualTo(1);
            assertThat(onlyMessage(mail)).matches(m -> !hasFlag(m, Flags.Flag.SEEN), "not seen");

            try (ServeProcess restarted = ServeProcess.start(home, home, "second", environment)) {
                ServeProcess.await("both documents are recorded", TIMEOUT,
                        () -> services.count("select count(*) from document") == 2, restarted);
                ServeProcess.await("the mail is seen", TIMEOUT,
                        () -> hasFlag(onlyMessage(mail), Flags.Flag.SEEN), restarted);
                ServeProcess.await("every document is announced", TIMEOUT, () -> services.count(
                        "select count(*) from outbox where published_at is null") == 0, restarted);
                restarted.stop();
            }
            assertThat(services.jdbcList("select original_name from document order by original_name"))
                    .containsExactly("giay-moi.tif", "to-khai.tif");
            assertThat(services.count("select count(*) from work_document")).isEqualTo(2);
            assertThat(services.count("select count(*) from work_page where ocr_runs <> 1"))
                    .as("every page read once").isZero();
            assertThat(services.count("select count(*) from rejected_scan")).isZero();
            assertThat(FolderContents.count(home.resolve("originals"))).isEqualTo(2);
            assertThat(onlyMessage(mail)).matches(m -> !hasFlag(m, Flags.Flag.FLAGGED), "not flagged");

            String firstLog = Files.readString(home.resolve("first.log"));
            String secondLog = Files.readString(home.resolve("second.log"));
            assertThat(queued(firstLog, "to-khai.tif") + queued(secondLog, "to-khai.tif"))
                    .as("the first attachment queued once, before the crash").isEqualTo(1);
            assertThat(queued(firstLog, "giay-moi.tif")).isZero();
            assertThat(queued(secondLog, "giay-moi.tif")).as("the second queued after the restart").isEqualTo(1);
            assertThat(secondLog).contains("to-khai.tif: taken in already (QUEUED");
            assertThat(FolderContents.count(home.resolve("capture/mail-taken"))).as("forgotten once read").isZero();
        }
    }

    /** How many scan jobs of {@code name} the intake logged as stored and queued. */
    private static long queued(String log, String name) {
        return log.lines().filter(l -> l.contains(name + ": ") && l.contains(" stored as ") && l.contains(" and queued (scan "))
                .count();
    }
}
