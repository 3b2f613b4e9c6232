package vn.sohoa.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared sample material beside the checkout (../shared/corpus) or at SOHOA_SHARED. */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Path file(String relative) {
        String env = System.getenv("SOHOA_SHARED");
        Path root = env != null ? Path.of(env) : null;
        for (Path dir = Path.of("").toAbsolutePath(); root == null && dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolveSibling("shared").resolve("corpus"))) {
                root = dir.resolveSibling("shared");
            }
        }
        assumeTrue(root != null, "the shared corpus (../shared/corpus) is not beside this checkout");
        Path file = root.resolve("corpus").resolve(relative);
        assumeTrue(Files.exists(file), "missing from the shared corpus: " + relative);
        return file;
    }
}
