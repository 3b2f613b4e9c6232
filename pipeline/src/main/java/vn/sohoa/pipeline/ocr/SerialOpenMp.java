package vn.sohoa.pipeline.ocr;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.sohoa.pipeline.NativePlatform;
import vn.sohoa.pipeline.UserCache;

/**
 * OpenMP for a team of one (src/main/c/serial_omp.c), loaded before libtesseract so that Tesseract's
 * parallel regions run their body on the calling thread instead of through libgomp, which sets up a team and
 * makes a futex system call for every region even when OMP_THREAD_LIMIT=1 leaves one thread in it: the same
 * text, about 15 % less CPU time a page. The library is compiled into the jar at build time when a C compiler
 * is there; without it, on another platform, or with {@code SOHOA_SERIAL_OPENMP=0}, Tesseract keeps libgomp.
 */
public final class SerialOpenMp {

    private static final Logger LOG = Logger.getLogger(SerialOpenMp.class.getName());
    private static final String NAME = "libsohoa-serial-omp.so";
    private static final int RTLD_NOW = 2;
    private static final int RTLD_GLOBAL = 0x100;

    /** Kept so that the library stays loaded; {@code file} is its copy, set only once it has loaded. */
    private static volatile NativeLibrary library;
    private static volatile Path file;
    private static boolean tried;

    private SerialOpenMp() {
    }

    /**
     * Loads the library into the process's global scope, once; must run before libtesseract is loaded (the
     * first use of Tess4J's TessAPI1), which {@link TesseractEngine} does. True when it is in place.
     */
    public static synchronized boolean install() {
        if (!tried) {
            tried = true;
            library = load().orElse(null);
        }
        return library != null;
    }

    /**
     * How many parallel regions of Tesseract the calling thread has run through this library; empty when it
     * is not loaded.
     */
    public static Optional<Long> regionsOnThisThread() {
        if (library == null) {
            return Optional.empty();
        }
        Function count = library.getFunction("sohoa_serial_omp_regions");
        return Optional.of(count.invokeLong(new Object[0]));
    }

    /** The library's file, when it is loaded (for LD_PRELOAD into a tesseract process: the test, the bench). */
    public static synchronized Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    private static Optional<NativeLibrary> load() {
        Optional<URL> resource = NativePlatform.bundledUnless("SOHOA_SERIAL_OPENMP", "0", NAME);
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path copy = UserCache.copyOut(resource.get(), "native", NAME);
            NativeLibrary loaded = NativeLibrary.getInstance(copy.toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_GLOBAL));
            file = copy;
            return Optional.of(loaded);
        } catch (Exception | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "Tesseract keeps libgomp: " + NAME + " did not load", e);
            return Optional.empty();
        }
    }
}
