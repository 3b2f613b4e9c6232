package vn.sohoa.app.intake;

import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.pipeline.Scan;

/**
 * Scan-to-e-mail: unseen messages in the mailbox scanners send to ({@code sohoa.capture.imap.uri}) are
 * read, and every attachment is a scan. A dossier code in the subject ("Hồ sơ 000.00.20.H56-230515-0001")
 * makes each attachment a document of that dossier; without one, the attachments are cut by their cover
 * sheets. A message ends \Seen once its attachments are stored and queued; one with an attachment refused at
 * once (broken, over a limit) also \Flagged, its reason kept in SOHOA_HOME/failed/mail/ beside a copy and
 * recorded (a worker that rejects one later keeps its copy and reason there too). A passing failure (the
 * broker down) leaves the message unseen, to be read again. Messages are remembered by Message-ID in
 * SOHOA_HOME/capture/mail-seen.txt, so one that a client marks unread again is not taken twice.
 */
@Component
public class ImapCaptureRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(ImapCaptureRoute.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final SohoaProperties properties;
    private final CaptureProperties capture;
    private final ScanIntake intake;
    private final Quarantine quarantine;
    private final CaptureAgency agency;

    public ImapCaptureRoute(SohoaProperties properties, CaptureProperties capture, ScanIntake intake,
                            Quarantine quarantine, CaptureAgencies agencies) {
        this.agency = agencies.of("mail");
        this.properties = properties;
        this.capture = capture;
        this.intake = intake;
        this.quarantine = quarantine;
    }

    @Override
    public void configure() throws IOException {
        String uri = capture.imap().uri();
        if (uri == null || uri.isBlank() || !properties.role().takesScans()) {
            return;
        }
        Path home = properties.home().toAbsolutePath();
        Path seen = Files.createDirectories(home.resolve("capture")).resolve("mail-seen.txt");
        from(uri + (uri.contains("?") ? "&" : "?") + "unseen=true&delete=false&peek=true&closeFolder=false"
                + "&delay=" + properties.inbox().pollDelayMs())
                .routeId("capture-imap")
                .idempotentConsumer(header("Message-ID"), FileIdempotentRepository.fileIdempotentRepository(seen.toFile()))
                .process(this::digitizeAttachments);
    }

    /**
     * What a subject may name as a code: three or more groups of letters or digits of any script joined by single
     * marks, so that a code of bad syntax ("HS/01/2026", "HỒ-SƠ-01") is taken whole and refused with
     * INVALID_DOSSIER_CODE rather than cut to a valid part that names another dossier.
     */
    private static final String CODE_SHAPE = "[\\p{L}\\p{N}]+(?:[^\\s\\p{L}\\p{N}][\\p{L}\\p{N}]+){2,}";
    private static final Pattern WHOLE_CODE = Pattern.compile(CODE_SHAPE);

    /**
     * "Hồ sơ CODE", "Mã hồ sơ: CODE", "HS: CODE", "dossier CODE", or a subject that is just the code. A code
     * anywhere else is not taken: scanners put their own model names ("HP-LaserJet-M428") in subjects.
     */
    private static final Pattern SUBJECT_CODE = Pattern.compile("(?iu)(?<!\\p{L})(?:mã hồ sơ|ma ho so|hồ sơ|ho so|hs|dossier)\\s*:?\\s*("
            + CODE_SHAPE + ")");

    /** The dossier code a subject names, if any. */
    static Optional<String> dossierCodeIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(subject, Normalizer.Form.NFC).strip();
        if (WHOLE_CODE.matcher(text).matches()) {
            return Optional.of(text);
        }
        Matcher matcher = SUBJECT_CODE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private void digitizeAttachments(Exchange exchange) throws Exception {
        Message original = exchange.getIn() instanceof MailMessage mail ? mail.getOriginalMessage() : null;
        String subject = original != null ? original.getSubject() : exchange.getIn().getHeader("Subject", String.class);
        Optional<String> code = dossierCodeIn(subject);
        Map<String, DataHandler> attachments = exchange.getIn(AttachmentMessage.class).getAttachments();
        boolean failed = false;
        if (attachments == null || attachments.isEmpty()) {
            log.warn("message \"{}\" has no attachment: nothing to digitize", subject);
            return;
        }
        Path work = Files.createTempDirectory("sohoa-mail-");
        try {
            for (Map.Entry<String, DataHandler> attachment : attachments.entrySet()) {
                String name = Path.of(attachment.getKey()).getFileName().toString();
                Path local = work.resolve(name.startsWith(".") ? "_" + name : name);
                try (InputStream in = attachment.getValue().getInputStream()) {
                    Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    intake.accept(local, code, "mail", agency, failedCopy(name));
                } catch (Exception e) {
                    if (TransientFailure.isTransient(e)) {
                        // the mail stays unseen (peek) and forgotten by the idempotent repository: read again later
                        throw e;
                    }
                    failed = true;
                    quarantine.reject(failedCopy(name), local, code.orElse(null), name, Scan.sha256(local),
                            Quarantine.reasonOf(e), String.valueOf(e.getMessage()));
                }
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
        if (original != null) {
            original.setFlag(Flags.Flag.SEEN, true);
            if (failed) {
                original.setFlag(Flags.Flag.FLAGGED, true);
            }
        }
    }

    private Path failedCopy(String name) {
        return properties.home().toAbsolutePath().resolve("failed/mail").resolve(LocalDateTime.now().format(STAMP) + "-" + name);
    }
}
