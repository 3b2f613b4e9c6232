package vn.sohoa.pipeline.cleanup;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The one place that loads OpenCV's native library (the copy bundled in org.openpnp:opencv), once per JVM.
 * Every class that uses OpenCV calls {@link #load()} before its first Mat. The library (65 MB on Linux
 * x86-64) is copied out of the jar once into the user's cache folder and loaded from there afterwards:
 * org.openpnp's own loader copies it to a new temporary file at every start, which took 0.55 s of each
 * {@code sohoa ocr} run. Anywhere that cannot be done, that loader is used.
 */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    try {
                        System.load(cachedLibrary().toString());
                    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
                        nu.pattern.OpenCV.loadLocally();
                    }
                    loaded = true;
                }
            }
        }
    }

    private static Path cachedLibrary() throws IOException {
        if (!vn.sohoa.pipeline.NativePlatform.isLinuxX86_64()) {
            throw new IOException("no cached copy for this platform");
        }
        String name = "lib" + org.opencv.core.Core.NATIVE_LIBRARY_NAME + ".so";
        URL resource = nu.pattern.OpenCV.class.getResource("/nu/pattern/opencv/linux/x86_64/" + name);
        if (resource == null) {
            throw new IOException(name + " is not in the OpenCV jar");
        }
        return vn.sohoa.pipeline.UserCache.copyOut(resource, "opencv", name);
    }
}
