package vn.sohoa.pipeline;

import java.nio.file.Path;

/** SoHoa's folder in the user's cache: $XDG_CACHE_HOME/sohoa, else ~/.cache/sohoa. */
public final class UserCache {

    private UserCache() {
    }

    /** The subfolder {@code name} of it (not created). */
    public static Path folder(String name) {
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        return (cacheHome != null && !cacheHome.isBlank() ? Path.of(cacheHome)
                : Path.of(System.getProperty("user.home"), ".cache")).resolve("sohoa").resolve(name);
    }
}
