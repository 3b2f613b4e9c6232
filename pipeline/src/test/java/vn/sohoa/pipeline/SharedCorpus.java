package vn.sohoa.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample material (../shared/corpus beside the checkout, or SOHOA_SHARED): real Vietnamese scans,
 * robustness inputs and legal text. Tests that need it skip, saying so, where it is absent.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Path root() {
        String env = System.getenv("SOHOA_SHARED");
        if (env != null && Files.isDirectory(Path.of(env, "corpus"))) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return candidate;
            }
        }
        return null;
    }

    public static Path file(String relative) {
        Path root = root();
        assumeTrue(root != null, "the shared corpus (../shared/corpus) is not beside this checkout");
        Path file = root.resolve("corpus").resolve(relative);
        assumeTrue(Files.exists(file), "missing from the shared corpus: " + relative);
        return file;
    }
}
