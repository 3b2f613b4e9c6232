package vn.sohoa.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a folder holds, for tests that watch files move: regular files under it, at any depth. */
public final class FolderContents {

    private FolderContents() {
    }

    /** How many; 0 for a folder that does not exist. */
    public static long count(Path dir) {
        return paths(dir).size();
    }

    /** Their paths relative to {@code dir}, with '/'; none for a folder that does not exist. */
    public static List<String> paths(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // a file moved away while the folder was walked: look again
            return paths(dir);
        }
    }
}
