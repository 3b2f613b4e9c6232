package vn.sohoa.app.intake;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.MailAttachments.Attachment;
import vn.sohoa.app.intake.MailJournal.Entry;
import vn.sohoa.app.intake.MailJournal.Outcome;
import vn.sohoa.app.work.ScanJob;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.Scan;

/**
 * Scan-to-e-mail: unseen messages in the mailbox scanners send to ({@code sohoa.capture.imap.uri}) are
 * read, and every attachment is a scan. A dossier code in the subject ("Hồ sơ 000.00.20.H56-230515-0001")
 * makes each attachment a document of that dossier; without one, the attachments are cut by their cover
 * sheets. A message is marked \Seen only once every attachment is stored and its scan job confirmed, or
 * quarantined: one refused at once (broken, over a limit, a name that cannot be a file's) has its reason kept
 * in SOHOA_HOME/failed/mail/ beside a copy and recorded, and the message is also \Flagged; the other
 * attachments go on. A passing failure (the broker down) leaves the message unseen, to be read again. A
 * crash before the mark leaves it unseen too: it is read again, and the attachments {@link MailJournal} notes
 * as taken in are skipped, so none is queued twice. Messages are remembered by Message-ID (or, without one, the
 * SHA-256 of the whole message) in SOHOA_HOME/capture/mail-seen.txt once processed, so that one a client marks
 * unread again is not taken twice.
 */
@Component
public class ImapCaptureRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(ImapCaptureRoute.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final String IDENTITY = "SohoaMailIdentity";

    private final SohoaProperties properties;
    private final CaptureProperties capture;
    private final ScanIntake intake;
    private final Quarantine quarantine;
    private final CaptureAgency agency;
    private final MailJournal journal;

    public ImapCaptureRoute(SohoaProperties properties, CaptureProperties capture, ScanIntake intake,
                            Quarantine quarantine, CaptureAgencies agencies) {
        this.agency = agencies.of("mail");
        this.properties = properties;
        this.capture = capture;
        this.intake = intake;
        this.quarantine = quarantine;
        this.journal = new MailJournal(properties.home().toAbsolutePath().resolve("capture/mail-taken"));
    }

    @Override
    public void configure() throws IOException {
        String uri = capture.imap().uri();
        if (uri == null || uri.isBlank() || !properties.role().takesScans()) {
            return;
        }
        Path home = properties.home().toAbsolutePath();
        Path seen = Files.createDirectories(home.resolve("capture")).resolve("mail-seen.txt");
        // not mapped by Camel: its attachment map keeps one attachment of a name and fails the whole poll on one
        // it cannot read; MailAttachments reads them all from the message itself
        from(uri + (uri.contains("?") ? "&" : "?") + "unseen=true&delete=false&peek=true&closeFolder=false"
                + "&mapMailMessage=false&delay=" + properties.inbox().pollDelayMs())
                .routeId("capture-imap")
                .process(exchange -> exchange.getIn().setHeader(IDENTITY, identity(originalOf(exchange))))
                // not eager: remembered only once processed, so that a crash in the middle reads the mail again
                .idempotentConsumer(header(IDENTITY), FileIdempotentRepository.fileIdempotentRepository(seen.toFile()))
                .eager(false)
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

    /** The message as the mail server has it (its flags are set on the server). */
    private static Message originalOf(Exchange exchange) {
        if (exchange.getIn() instanceof MailMessage mail && mail.getOriginalMessage() != null) {
            return mail.getOriginalMessage();
        }
        throw new IllegalStateException("the IMAP consumer gave no mail message");
    }

    /** The mail's Message-ID, or the SHA-256 of the whole message for one without (a mailer may omit it). */
    static String identity(Message message) throws MessagingException, IOException {
        String[] ids = message.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            message.writeTo(out);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private void digitizeAttachments(Exchange exchange) throws Exception {
        Message original = originalOf(exchange);
        String identity = exchange.getIn().getHeader(IDENTITY, String.class);
        String subject = original.getSubject();
        Optional<String> code = dossierCodeIn(subject);
        List<Attachment> attachments = MailAttachments.of(original);
        if (attachments.isEmpty()) {
            log.warn("message \"{}\" has no attachment: nothing to digitize", subject);
            return;
        }
        Map<Integer, Entry> taken = journal.taken(identity);
        boolean failed = false;
        Path work = Files.createTempDirectory("sohoa-mail-");
        try {
            for (Attachment attachment : attachments) {
                failed |= take(attachment, identity, taken, code, work) == Outcome.QUARANTINED;
            }
        } finally {
            deleteAll(work);
        }
        // one STORE for both flags: a mail seen is never without the flag that says an attachment was quarantined
        Flags done = new Flags(Flags.Flag.SEEN);
        if (failed) {
            done.add(Flags.Flag.FLAGGED);
        }
        original.setFlags(done, true);
        try {
            journal.forget(identity);
        } catch (IOException e) {
            // only a small file left behind: the mail is read and remembered
            log.warn("cannot remove the journal of message \"{}\": {}", subject, e.getMessage());
        }
    }

    /**
     * Stores and queues one attachment, or quarantines it, unless an earlier reading of the mail did; notes
     * which in the journal. A passing failure is thrown: the mail stays unseen and is read again.
     */
    private Outcome take(Attachment attachment, String identity, Map<Integer, Entry> taken, Optional<String> code,
                         Path work) throws Exception {
        String name = attachment.name();
        Optional<String> problem = AttachmentName.problem(name);
        String localName = problem.isPresent() ? "attachment-" + attachment.position()
                : name.startsWith(".") ? "_" + name : name;
        Path local = Files.createDirectories(work.resolve(Integer.toString(attachment.position()))).resolve(localName);
        try (InputStream in = attachment.content()) {
            Files.copy(in, local);
        }
        String sha256 = Scan.sha256(local);
        Optional<Entry> before = MailJournal.of(taken, attachment.position(), sha256);
        if (before.isPresent()) {
            log.info("{}: taken in already ({} {}) before the mail was marked read", AttachmentName.printable(name),
                    before.get().outcome(), before.get().detail());
            return before.get().outcome();
        }
        if (problem.isPresent()) {
            quarantine.reject(failedCopy(localName), local, code.orElse(null), AttachmentName.printable(name), sha256,
                    Reason.INVALID_FILE_NAME.name(), problem.get());
            journal.note(identity, new Entry(attachment.position(), sha256, Outcome.QUARANTINED,
                    Reason.INVALID_FILE_NAME.name()));
            return Outcome.QUARANTINED;
        }
        try {
            ScanJob job = intake.accept(local, code, "mail", agency, failedCopy(name));
            journal.note(identity, new Entry(attachment.position(), sha256, Outcome.QUEUED, job.scanId().toString()));
            return Outcome.QUEUED;
        } catch (Exception e) {
            if (TransientFailure.isTransient(e)) {
                // the mail stays unseen (peek) and is not remembered: read again later
                throw e;
            }
            quarantine.reject(failedCopy(name), local, code.orElse(null), name, sha256, Quarantine.reasonOf(e),
                    String.valueOf(e.getMessage()));
            journal.note(identity, new Entry(attachment.position(), sha256, Outcome.QUARANTINED, Quarantine.reasonOf(e)));
            return Outcome.QUARANTINED;
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private Path failedCopy(String name) {
        return properties.home().toAbsolutePath().resolve("failed/mail").resolve(LocalDateTime.now().format(STAMP) + "-" + name);
    }
}
