package vn.sohoa.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;

/**
 * How an archival file (an original, a PDF/A, a quarantined copy) is put in place so that a power cut after
 * it is recorded cannot leave a record pointing at a missing or half-written file: its bytes are forced to
 * disk, then it is renamed over the target in one step, then the folder holding the new name is forced too.
 * Only then may the caller record or announce it. The one implementation of that order in SoHoa.
 */
public final class DurableFiles {

    /** Writes content to an output stream (PDFBox's save, a copy). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private DurableFiles() {
    }

    /** Writes {@code content} to a temporary file beside {@code target} and puts it in place durably. */
    public static void write(Path target, Content content) throws IOException {
        Path temporary = temporaryBeside(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies {@code source} (left as it is) to {@code target} durably. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, out -> {
            try (InputStream in = Files.newInputStream(source)) {
                in.transferTo(out);
            }
        });
    }

    /**
     * Forces {@code temporary} (written completely by the caller, in the same folder or file system as
     * {@code target}) to disk, renames it over {@code target} atomically and forces {@code target}'s folder.
     */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        force(temporary);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /** Forces a file's bytes and metadata to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a folder, so that a name just created or renamed in it survives a power cut. Windows cannot open a
     * folder so, and needs not: NTFS journals the rename.
     */
    public static void forceDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * A hidden name beside {@code target} that no other writer uses (a rename across file systems is no rename),
     * short whatever the target's name, which may already be near the file system's 255 bytes.
     */
    public static Path temporaryBeside(Path target) {
        return target.resolveSibling(".sohoa-" + UUID.randomUUID() + ".tmp");
    }
}
