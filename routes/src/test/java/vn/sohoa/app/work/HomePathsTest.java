package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which paths of a job a worker accepts: inside SOHOA_HOME, relative or absolute, and nothing else. */
class HomePathsTest {

    @TempDir
    Path dir;

    @Test
    void relativeAndAbsolutePathsInsideHomeAreAccepted() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("originals/ab"));
        HomePaths paths = new HomePaths(home);
        assertThatCode(() -> paths.check("originals/ab/abcd.png")).doesNotThrowAnyException();
        assertThatCode(() -> paths.check(home.resolve("failed/inbox/x.tif").toString())).doesNotThrowAnyException();
        assertThatCode(() -> paths.check(null)).doesNotThrowAnyException();
    }

    @Test
    void pathsOutsideHomeAreRefused() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(home.resolve("link"), outside);
        HomePaths paths = new HomePaths(home);
        assertThatThrownBy(() -> paths.check("/etc/passwd")).isInstanceOf(HomePaths.OutsideHomeException.class)
                .hasMessageContaining("not inside SOHOA_HOME");
        assertThatThrownBy(() -> paths.check("originals/../../outside/x")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> paths.check(home + "/originals/../../outside/x")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> paths.check("link/x.tif")).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> paths.check("link")).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> paths.check(dir.resolve("home-other/x").toString()))
                .hasMessageContaining("not inside SOHOA_HOME");
        assertThatThrownBy(() -> paths.check("")).hasMessageContaining("not inside SOHOA_HOME");
    }
}
