package vn.sohoa.app.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The paths a work job names, checked to lie inside SOHOA_HOME before a worker reads or writes anything for it:
 * a job comes from the broker, which anyone holding its credentials can publish to. A path is relative to
 * SOHOA_HOME (or absolute inside it, as older jobs still queued name it); one with {@code ..}, one outside, and
 * one whose existing part is a symbolic link leading out of SOHOA_HOME are refused.
 */
public final class HomePaths {

    private final Path home;

    public HomePaths(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** Throws {@link OutsideHomeException} naming the path if {@code path} (of a job) may lead out of SOHOA_HOME. */
    public void check(String path) {
        if (path == null) {
            return;
        }
        Path named;
        try {
            named = Path.of(path);
        } catch (InvalidPathException e) {
            throw new OutsideHomeException(path, "not a path");
        }
        for (Path segment : named) {
            if (segment.toString().equals("..")) {
                throw new OutsideHomeException(path, "it has a '..' segment");
            }
        }
        Path resolved = home.resolve(named).normalize();
        if (!resolved.startsWith(home) || resolved.equals(home)) {
            throw new OutsideHomeException(path, "it is not inside SOHOA_HOME " + home);
        }
        try {
            Path realHome = home.toRealPath();
            Path existing = resolved;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(realHome)) {
                throw new OutsideHomeException(path, "a symbolic link in it leads out of SOHOA_HOME " + home);
            }
        } catch (IOException e) {
            throw new OutsideHomeException(path, "it cannot be resolved (" + e.getMessage() + ")");
        }
    }

    /** A job naming a path that may lead out of SOHOA_HOME: refused, never read or written. */
    public static final class OutsideHomeException extends IllegalArgumentException {

        public OutsideHomeException(String path, String why) {
            super("the job names '" + path + "', which is refused because " + why);
        }
    }
}
