package vn.sohoa.app.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.pipeline.DurableFiles;

/**
 * What of a mail not yet marked read is taken in already: one file per mail under
 * {@code SOHOA_HOME/capture/mail-taken/}, named by the SHA-256 of the mail's identity, a line per attachment
 * once it is stored and its scan job confirmed, or quarantined. A mail read again after a crash skips those
 * attachments, so that none is queued or quarantined twice; the file goes once the mail is marked read. Kept
 * on the intake's disk, not in PostgreSQL, because the intake takes scans in while the database is down.
 */
public final class MailJournal {

    /** How an attachment ended: queued (its scan id) or quarantined (its reason). */
    public enum Outcome { QUEUED, QUARANTINED }

    /** One attachment taken in, known by its position in the mail and the SHA-256 of its bytes. */
    public record Entry(int position, String sha256, Outcome outcome, String detail) {

        String line() {
            return position + "\t" + sha256 + "\t" + outcome.name() + "\t" + detail.replaceAll("\\s", " ") + "\n";
        }

        static Optional<Entry> parse(String line) {
            String[] fields = line.split("\t", 4);
            try {
                return fields.length < 4 ? Optional.empty() : Optional.of(new Entry(Integer.parseInt(fields[0]), fields[1],
                        Outcome.valueOf(fields[2]), fields[3]));
            } catch (IllegalArgumentException e) {
                // a line cut short by a power cut: that attachment is taken again
                return Optional.empty();
            }
        }
    }

    private final Path folder;

    public MailJournal(Path folder) {
        this.folder = folder;
    }

    /** The attachments of the mail taken in so far, by position. */
    public Map<Integer, Entry> taken(String mailIdentity) throws IOException {
        Map<Integer, Entry> entries = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file(mailIdentity), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return entries;
        }
        for (String line : lines) {
            Entry.parse(line).ifPresent(entry -> entries.put(entry.position(), entry));
        }
        return entries;
    }

    /** The entry of this attachment (this position, these bytes), if it was taken in already. */
    public static Optional<Entry> of(Map<Integer, Entry> taken, int position, String sha256) {
        return Optional.ofNullable(taken.get(position)).filter(entry -> entry.sha256().equals(sha256));
    }

    /** Notes an attachment taken in, on disk before this returns. */
    public void note(String mailIdentity, Entry entry) throws IOException {
        Files.createDirectories(folder);
        Path file = file(mailIdentity);
        boolean created = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(entry.line().getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        }
        if (created) {
            DurableFiles.forceDirectory(folder);
        }
    }

    /** Forgets the mail, once it is marked read. */
    public void forget(String mailIdentity) throws IOException {
        Files.deleteIfExists(file(mailIdentity));
    }

    private Path file(String mailIdentity) {
        return folder.resolve(sha256(mailIdentity) + ".txt");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
