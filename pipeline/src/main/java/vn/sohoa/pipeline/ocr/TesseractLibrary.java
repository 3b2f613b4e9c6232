package vn.sohoa.pipeline.ocr;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.sohoa.pipeline.NativePlatform;
import vn.sohoa.pipeline.UserCache;

/**
 * Which libtesseract Tess4J binds to: SoHoa's own build when the jar has one (src/main/c/tesseract.sh:
 * Tesseract 5.3.0, the version Debian 12 ships, compiled with link-time optimization and without OpenMP, its
 * LSTM activations computed eight at a time with AVX2 (src/main/c/tesseract-simd.patch, checked bit for bit
 * against the scalar ones at build time); the same text in about 15 % and then 17-27 % less time), else the
 * system's. It must be chosen before Tess4J loads the
 * library, which {@link TesseractEngine} makes sure of. {@code SOHOA_TESSERACT=system} keeps the system's.
 */
public final class TesseractLibrary {

    private static final Logger LOG = Logger.getLogger(TesseractLibrary.class.getName());
    private static final String NAME = "libtesseract.so";
    private static final String JNA_NAME = "tesseract";
    private static final int RTLD_NOW = 2;

    /** The file in use, set once it has loaded; {@code library} holds it open for the life of the process. */
    private static volatile Path file;
    private static NativeLibrary library;
    private static boolean tried;

    private TesseractLibrary() {
    }

    /**
     * Puts SoHoa's build first on the path Tess4J's library is looked for on, once, if it loads here (its
     * dependencies, Leptonica and the C++ runtime, are those of the machine it was built on). True when it
     * is in place; false leaves the system's library to Tess4J.
     */
    public static synchronized boolean install() {
        if (!tried) {
            tried = true;
            file = load().orElse(null);
        }
        return file != null;
    }

    /** The file of SoHoa's build when it is the one in use (for LD_LIBRARY_PATH of a tesseract process). */
    public static synchronized Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * A folder to put on LD_LIBRARY_PATH so that a tesseract process (linked to the system's
     * libtesseract.so.5) runs on SoHoa's build: the test comparing the two, the benchmark's peers on request.
     * Empty when SoHoa's build is not in use.
     */
    public static synchronized Optional<Path> folderForProcesses() throws IOException {
        if (!install()) {
            return Optional.empty();
        }
        Path folder = file.getParent().resolve("for-processes");
        Path link = folder.resolve("libtesseract.so.5");
        if (!Files.isSymbolicLink(link)) {
            Files.createDirectories(folder);
            Files.createSymbolicLink(link, file);
        }
        return Optional.of(folder);
    }

    private static Optional<Path> load() {
        Optional<URL> resource = NativePlatform.bundledUnless("SOHOA_TESSERACT", "system", NAME);
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path copy = UserCache.copyOutNamed(resource.get(), "native/tesseract", NAME);
            // loaded once by its path, so that a missing dependency shows here and not in Tess4J's first call;
            // Tess4J's own load by name then finds the same file, already in the process
            library = NativeLibrary.getInstance(copy.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW));
            NativeLibrary.addSearchPath(JNA_NAME, copy.getParent().toString());
            return Optional.of(copy);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "the system's libtesseract is used: " + NAME + " did not load", e);
            return Optional.empty();
        }
    }

    /** The libtesseract file this process has mapped (from /proc/self/maps, on Linux). */
    static Optional<Path> mapped() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        return Files.readAllLines(maps).stream().map(line -> line.replaceFirst("^(\\S+\\s+){5}", "").strip())
                .filter(name -> name.contains("/libtesseract.so")).findFirst().map(Path::of);
    }
}
