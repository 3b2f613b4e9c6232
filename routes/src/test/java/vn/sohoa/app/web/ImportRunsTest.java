package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.config.SigningProperties;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.records.NotFoundException;

/** Import runs' progress is read from their journals; runs are shown only within the caller's agencies. */
class ImportRunsTest {

    private static final SigningProperties UNSIGNED = new SigningProperties(null, null, null, null, null, null, 0);

    @TempDir
    Path home;

    @Test
    void progressFromTheJournalAndOnlyVisibleRuns() throws Exception {
        ImportRuns runs = new ImportRuns(new SohoaProperties(home, 1, null, null, null, null), UNSIGNED);
        Path run = Files.createDirectories(home.resolve("imports/20260301-080000-000"));
        Files.writeString(run.resolve("run.txt"), "hop-2019/lo-01.tif\nluutru450\nH450\n");
        Files.writeString(run.resolve("import-journal.jsonl"), """
                {"event":"plan","batch":"a","documents":[{"n":1},{"n":2},{"n":3}]}
                {"event":"failed","batch":"a","document":2,"error":"x"}
                {"event":"done","batch":"a","document":1,"json":{}}
                {"event":"done","batch":"a","document":2,"json":{}}
                {"event":"fai""");
        Files.writeString(run.resolve("exit-code.txt"), "0");
        Path other = Files.createDirectories(home.resolve("imports/20260301-090000-000"));
        Files.writeString(other.resolve("run.txt"), "lo-02\nluutru451\nH451\n");

        List<ImportRuns.Run> forH450 = runs.list(agency -> "H450".equals(agency));
        assertThat(forH450).hasSize(1);
        ImportRuns.Run read = forH450.get(0);
        assertThat(read.input()).isEqualTo("hop-2019/lo-01.tif");
        assertThat(read.planned()).isEqualTo(3);
        assertThat(read.done()).isEqualTo(2);
        assertThat(read.failed()).isZero();
        assertThat(read.state()).isEqualTo("finished");
        assertThat(runs.list(agency -> true)).extracting(ImportRuns.Run::state).containsExactly("stopped", "finished");
        runs.destroy();
    }

    @Test
    void nothingOutsideTheBacklogFolderCanBeNamed() throws Exception {
        ImportRuns runs = new ImportRuns(new SohoaProperties(home, 1, null, null, null, null), UNSIGNED);
        Files.createDirectories(home.resolve("backlog"));
        Files.writeString(home.resolve("secret.tif"), "x");
        assertThatThrownBy(() -> runs.start("../secret.tif", "luutru", null)).isInstanceOf(NotFoundException.class);
        assertThat(Files.exists(home.resolve("imports"))).isFalse();
        runs.destroy();
    }
}
