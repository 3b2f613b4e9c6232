package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.intake.MailJournal.Entry;
import vn.sohoa.app.intake.MailJournal.Outcome;

class MailJournalTest {

    private static final String MAIL = "<20261207.1234@scanner.sohoa.test>";
    private static final String SHA_1 = "a".repeat(64);
    private static final String SHA_2 = "b".repeat(64);

    @TempDir
    Path dir;

    @Test
    void remembersEachAttachmentTakenInUntilTheMailIsForgotten() throws Exception {
        MailJournal journal = new MailJournal(dir.resolve("mail-taken"));
        assertThat(journal.taken(MAIL)).isEmpty();
        journal.note(MAIL, new Entry(1, SHA_1, Outcome.QUEUED, "0b7e8a52-52c4-4d4b-9d0e-2f0c1c1f1a11"));
        journal.note(MAIL, new Entry(2, SHA_2, Outcome.QUARANTINED, "INVALID_FILE_NAME"));

        MailJournal again = new MailJournal(dir.resolve("mail-taken"));
        Map<Integer, Entry> taken = again.taken(MAIL);
        assertThat(MailJournal.of(taken, 1, SHA_1)).get().extracting(Entry::outcome).isEqualTo(Outcome.QUEUED);
        assertThat(MailJournal.of(taken, 2, SHA_2)).get().extracting(Entry::detail).isEqualTo("INVALID_FILE_NAME");
        assertThat(MailJournal.of(taken, 1, SHA_2)).as("other bytes at that place").isEmpty();
        assertThat(MailJournal.of(taken, 3, SHA_1)).as("another place").isEmpty();
        assertThat(again.taken("<another@scanner>")).isEmpty();

        again.forget(MAIL);
        assertThat(again.taken(MAIL)).isEmpty();
        assertThat(dir.resolve("mail-taken")).isEmptyDirectory();
    }

    @Test
    void aLineCutShortIsNotTakenForAnAttachmentTakenIn() throws Exception {
        MailJournal journal = new MailJournal(dir);
        journal.note(MAIL, new Entry(1, SHA_1, Outcome.QUEUED, "scan-1"));
        Path file;
        try (var files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, "2\t" + SHA_2 + "\tQUEU", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(journal.taken(MAIL)).containsOnlyKeys(1);
    }
}
