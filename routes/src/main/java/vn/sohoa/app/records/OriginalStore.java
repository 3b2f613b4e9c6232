package vn.sohoa.app.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import vn.sohoa.pipeline.DurableFiles;
import vn.sohoa.pipeline.Scan;

/**
 * Keeps every accepted original byte-for-byte, addressed by its SHA-256 (originals/ab/abcd....ext), before
 * anything else is done with it. The same bytes are stored once. It is a copy, not a link, so that nothing
 * done later to the file in the inbox's done/ folder can alter it; it appears only once written completely and
 * forced to disk with its folder ({@link DurableFiles}), so that a source acknowledged after this has nothing
 * left to lose.
 */
public final class OriginalStore {

    private final Path root;

    public OriginalStore(Path root) {
        this.root = root;
    }

    public Path store(Scan scan) throws IOException {
        String name = scan.name();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        Path target = root.resolve(scan.sha256().substring(0, 2)).resolve(scan.sha256() + extension);
        if (Files.exists(target)) {
            return target;
        }
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            // the new folder's own name lives in the store's root
            DurableFiles.forceDirectory(root);
        }
        DurableFiles.copy(scan.file(), target);
        if (!Scan.sha256(target).equals(scan.sha256())) {
            Files.deleteIfExists(target);
            throw new IOException("the original changed while it was being stored: " + scan.file());
        }
        return target;
    }
}
