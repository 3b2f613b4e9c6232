package vn.sohoa.pipeline.cleanup;

/**
 * The one place that loads OpenCV's native library (the copy bundled in org.openpnp:opencv), once per JVM.
 * Every class that uses OpenCV calls {@link #load()} before its first Mat.
 */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
