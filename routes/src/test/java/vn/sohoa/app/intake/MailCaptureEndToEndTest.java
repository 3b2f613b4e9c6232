package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.ServiceFixtures.count;
import static vn.sohoa.app.intake.CaptureFixtures.attachment;
import static vn.sohoa.app.intake.CaptureFixtures.everyMessageHas;
import static vn.sohoa.app.intake.CaptureFixtures.filesUnder;
import static vn.sohoa.app.intake.CaptureFixtures.hasFlag;
import static vn.sohoa.app.intake.CaptureFixtures.imapServer;
import static vn.sohoa.app.intake.CaptureFixtures.imapUri;
import static vn.sohoa.app.intake.CaptureFixtures.mailWith;
import static vn.sohoa.app.intake.CaptureFixtures.onlyMessage;
import static vn.sohoa.app.intake.CaptureFixtures.scanMailbox;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A scanner's mail whose attachments' names cannot be files' names (a path with slashes, a NUL spelled in
 * RFC 2231, none at all) beside a good one, through the real service, GreenMail's IMAP on 127.0.0.1 and the
 * machine's PostgreSQL and broker (or embedded ones): the good attachment is digitized, each bad one is
 * quarantined with INVALID_FILE_NAME and its name shown, nothing is written where a name points, and the mail
 * ends \Seen and \Flagged.
 */
@Tag("e2e")
class MailCaptureEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @RegisterExtension
    static GreenMailExtension mail = imapServer();

    @TempDir
    Path home;

    @TempDir
    Path outside;

    @Test
    void aBadlyNamedAttachmentIsQuarantinedAndTheOthersOfTheMailGoThrough() throws Exception {
        GreenMailUser mailbox = scanMailbox(mail);
        byte[] page = Files.readAllBytes(new PaperBatch().page("TỜ KHAI").writeTiff(outside.resolve("tk.tif")));
        byte[] other = Files.readAllBytes(new PaperBatch().page("GIẤY MỜI").writeTiff(outside.resolve("gm.tif")));
        MimeMessage sent = mailWith("Hồ sơ HS-MAIL-0101", List.of(
                attachment("attachment; filename=\"../../capture/evil.tif\"", other),
                attachment("attachment; filename*=UTF-8''bien%00ban.tif", other),
                attachment("attachment", other),
                attachment("attachment; filename=\"to-khai.tif\"", page)));
        mailbox.deliver(sent);
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = services.properties();
            properties.put("sohoa.capture.imap.uri", imapUri(mail));
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                Await.until("the mail is seen", TIMEOUT, () -> everyMessageHas(mail, Flags.Flag.SEEN));
                Await.until("the good attachment is recorded", TIMEOUT,
                        () -> count(jdbc, "select count(*) from document") == 1);
                assertThat(jdbc.queryForObject("select d.original_name || ' ' || s.code from document d"
                        + " join dossier s on s.id = d.dossier_id", String.class)).isEqualTo("to-khai.tif HS-MAIL-0101");
                assertThat(jdbc.queryForList("select reason from rejected_scan", String.class))
                        .containsExactly("INVALID_FILE_NAME", "INVALID_FILE_NAME", "INVALID_FILE_NAME");
                assertThat(jdbc.queryForList("select original_name from rejected_scan order by original_name",
                        String.class)).containsExactlyInAnyOrder("../../capture/evil.tif", "bien\\u0000ban.tif", "");
                assertThat(jdbc.queryForList("select message from rejected_scan", String.class))
                        .anySatisfy(m -> assertThat(m).contains("slash"))
                        .anySatisfy(m -> assertThat(m).contains("control character"))
                        .anySatisfy(m -> assertThat(m).contains("has no file name"));
                assertThat(onlyMessage(mail)).matches(m -> hasFlag(m, Flags.Flag.FLAGGED), "flagged");

                List<String> failed = filesUnder(home.resolve("failed/mail"));
                assertThat(failed).filteredOn(f -> !f.endsWith(".reason.txt"))
                        .as("a copy of each, under a name of SoHoa's").hasSize(3)
                        .allSatisfy(f -> assertThat(f).matches("[0-9-]+-attachment-[123]"));
                assertThat(failed).filteredOn(f -> f.endsWith(".reason.txt")).hasSize(3);
                assertThat(failed.stream().filter(f -> !f.endsWith(".reason.txt"))
                        .map(f -> home.resolve("failed/mail").resolve(f)))
                        .allSatisfy(f -> assertThat(f).hasBinaryContent(other));
                assertThat(home.resolve("capture/evil.tif")).doesNotExist();
                assertThat(filesUnder(home.resolve("capture/mail-taken"))).as("forgotten once read").isEmpty();
            }
        }
    }
}
