package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.intake.CaptureFixtures.attachment;
import static vn.sohoa.app.intake.CaptureFixtures.filesUnder;
import static vn.sohoa.app.intake.CaptureFixtures.hasFlag;
import static vn.sohoa.app.intake.CaptureFixtures.mailWith;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
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
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @TempDir
    Path home;

    @TempDir
    Path outside;

    @Test
    void aBadlyNamedAttachmentIsQuarantinedAndTheOthersOfTheMailGoThrough() throws Exception {
        GreenMailUser mailbox = mail.setUser("scan@sohoa.test", "scan", "secret");
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
            properties.put("sohoa.capture.imap.uri", "imap://127.0.0.1:" + mail.getImap().getPort()
                    + "?username=scan&password=secret");
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                await("the mail is seen", () -> List.of(mail.getReceivedMessages()).stream()
                        .allMatch(m -> hasFlag(m, Flags.Flag.SEEN)));
                await("the good attachment is recorded", () -> count(jdbc, "select count(*) from document") == 1);
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
                assertThat(MailCaptureEndToEndTest.single(mail.getReceivedMessages()))
                        .matches(m -> hasFlag(m, Flags.Flag.FLAGGED), "flagged");

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

    private static MimeMessage single(MimeMessage[] messages) {
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
