package vn.sohoa.app.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import vn.sohoa.pipeline.Scan;

/**
 * Keeps every accepted original byte-for-byte, addressed by its SHA-256 (originals/ab/abcd....ext), before
 * anything else is done with it. The same bytes are stored once. It is a copy, not a link, so that nothing
 * done later to the file in the inbox's done/ folder can alter it; it appears only once written completely and
 * forced to disk, so that a source acknowledged after this has nothing left to lose.
 */
public final class OriginalStore {

    private final Path root;

    public OriginalStore(Path root) {
        this.root = root;
    }

    public Path store(Scan scan) throws IOException {
        String name = scan.name();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
        Path target = root.resolve(scan.sha256().substring(0, 2)).resolve(scan.sha256() + extension);
        if (Files.exists(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.copy(scan.file(), tmp, StandardCopyOption.REPLACE_EXISTING);
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.getParent());
        if (!Scan.sha256(target).equals(scan.sha256())) {
            Files.deleteIfExists(target);
            throw new IOException("the original changed while it was being stored: " + scan.file());
        }
        return target;
    }

    /** The rename survives a power cut only once its folder is on disk too (where the platform can force one). */
    private static void forceDirectory(Path dir) {
        try (var channel = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder this way; NTFS journals the rename
        }
    }
}
