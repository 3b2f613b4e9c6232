package vn.sohoa.pipeline;

import java.net.URL;
import java.util.Optional;

/**
 * The one platform SoHoa builds native libraries for (Linux x86-64), and the libraries its build put in the
 * jar for it (under {@code /native/linux-x86-64/}, see pipeline/src/main/c).
 */
public final class NativePlatform {

    private NativePlatform() {
    }

    public static boolean isLinuxX86_64() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("linux")
                && System.getProperty("os.arch", "").equals("amd64");
    }

    /** The library {@code name} built into the jar, when there is one and this is the platform it is for. */
    public static Optional<URL> bundled(String name) {
        return isLinuxX86_64() ? Optional.ofNullable(NativePlatform.class.getResource("/native/linux-x86-64/" + name))
                : Optional.empty();
    }

    /**
     * The same, unless the environment variable {@code variable} is set to {@code off} (the switch each of
     * SoHoa's native libraries has for going without it).
     */
    public static Optional<URL> bundledUnless(String variable, String off, String name) {
        return off.equals(System.getenv(variable)) ? Optional.empty() : bundled(name);
    }
}
