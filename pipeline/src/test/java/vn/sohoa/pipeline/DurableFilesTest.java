package vn.sohoa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archival write: content in a temporary file beside the target, forced, renamed over the target, the
 * folder forced. A power cut cannot be simulated here; what is checked is what each step leaves: the target
 * whole, no temporary beside it, and nothing renamed when the temporary cannot be forced.
 */
class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheContentAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("a.pdf");
        DurableFiles.write(target, out -> out.write("%PDF-1.7 một".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 một");
        assertThat(names()).containsExactly("a.pdf");
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        Path target = dir.resolve("a.pdf");
        Files.writeString(target, "old and longer than the new one");
        DurableFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(names()).containsExactly("a.pdf");
    }

    @Test
    void aWriterThatFailsLeavesTheTargetAsItWasAndNoTemporary() throws IOException {
        Path target = dir.resolve("a.pdf");
        Files.writeString(target, "kept");
        assertThatThrownBy(() -> DurableFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.US_ASCII));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("kept");
        assertThat(names()).containsExactly("a.pdf");
    }

    @Test
    void copiesAndLeavesTheSourceAsItIs() throws IOException {
        Path source = Files.writeString(dir.resolve("scan.tif"), "II*\0 pixels");
        Path target = Files.createDirectories(dir.resolve("originals/ab")).resolve("abcd.tif");
        DurableFiles.copy(source, target);
        assertThat(Files.readString(target)).isEqualTo("II*\0 pixels");
        assertThat(Files.readString(source)).isEqualTo("II*\0 pixels");
        assertThat(names(target.getParent())).containsExactly("abcd.tif");
    }

    @Test
    void movesIntoPlaceTheTemporaryGoneAndTheTargetPresent() throws IOException {
        Path temporary = Files.writeString(dir.resolve(".a.pdf.part"), "whole");
        Path target = dir.resolve("a.pdf");
        DurableFiles.moveIntoPlace(temporary, target);
        assertThat(temporary).doesNotExist();
        assertThat(Files.readString(target)).isEqualTo("whole");
    }

    @Test
    void nothingIsRenamedWhenTheTemporaryCannotBeForced() throws IOException {
        // a folder cannot be opened for writing: the force, which comes before the rename, fails
        Path notAFile = Files.createDirectory(dir.resolve(".a.pdf.part"));
        Path target = Files.writeString(dir.resolve("a.pdf"), "kept");
        assertThatThrownBy(() -> DurableFiles.moveIntoPlace(notAFile, target)).isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("kept");
        assertThat(notAFile).isDirectory();
    }

    @Test
    void forcesAFolderAndRefusesOneThatIsNotThere() throws IOException {
        DurableFiles.forceDirectory(dir);
        assertThatThrownBy(() -> DurableFiles.forceDirectory(dir.resolve("missing"))).isInstanceOf(IOException.class);
    }

    @Test
    void theTemporaryNameIsHiddenBesideTheTargetAndShortWhateverTheTargetsName() {
        Path target = dir.resolve("ệ".repeat(80) + ".pdf");
        Path temporary = DurableFiles.temporaryBeside(target);
        assertThat(temporary.getParent()).isEqualTo(dir);
        assertThat(temporary.getFileName().toString()).startsWith(".").hasSizeLessThan(60);
        assertThat(DurableFiles.temporaryBeside(target)).isNotEqualTo(temporary);
    }

    private List<String> names() throws IOException {
        return names(dir);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
