package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import journal read back after a kill: torn lines, documents in flight, crashes counted. */
class ImportJournalTest {

    @TempDir
    Path dir;

    @Test
    void anEntryAppendedAfterALineTornByAKillIsNotLostWithIt() throws Exception {
        Files.writeString(dir.resolve(ImportJournal.FILE_NAME),
                "{\"event\":\"started\",\"batch\":\"b\",\"document\":1}\n{\"event\":\"done\",\"bat", StandardCharsets.UTF_8);

        ImportJournal.open(dir).started("b", 2);

        ImportJournal again = ImportJournal.open(dir);
        assertThat(again.size()).isEqualTo(2);
        assertThat(again.inFlight()).extracting(d -> d.get("document")).containsExactly(1, 2);
    }

    @Test
    void aCrashCountsForTheDocumentsInFlightUntilTheyAreDoneOrFailed() throws Exception {
        ImportJournal journal = ImportJournal.open(dir);
        journal.started("b", 1);
        journal.started("b", 2);
        journal.append(entry("done", 1));
        assertThat(journal.crashed(134)).extracting(d -> d.get("document")).containsExactly(2);
        journal.started("b", 2);
        journal.append(Map.of("event", "crashed", "documents", List.of(Map.of("batch", "b", "document", 2))));

        ImportJournal read = ImportJournal.open(dir);
        assertThat(read.crashes("b", 1)).isZero();
        assertThat(read.crashes("b", 2)).isEqualTo(2);
        assertThat(read.inFlight()).isEmpty();
        assertThat(read.conclusions()).isEqualTo(1);

        journal.append(entry("failed", 2));
        assertThat(ImportJournal.open(dir).crashes("b", 2)).isZero();
        assertThat(ImportJournal.open(dir).concludedAt("b", 2)).isEqualTo(6);
    }

    private static Map<String, Object> entry(String event, int document) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", event);
        entry.put("batch", "b");
        entry.put("document", document);
        if (event.equals("done")) {
            entry.put("json", Map.of("status", "ok"));
        }
        if (event.equals("failed")) {
            entry.put("error", "x");
        }
        return entry;
    }
}
