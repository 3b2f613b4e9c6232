package vn.sohoa.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded services' secrets file: private from its creation, kept across starts, refused when others may read it. */
class EmbeddedSecretsTest {

    @TempDir
    Path home;

    @Test
    void theSecretsAreGeneratedPrivateAndKept() throws Exception {
        EmbeddedSecrets first = EmbeddedSecrets.load(home);
        Path file = EmbeddedSecrets.file(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(first.brokerPassword()).hasSize(48).isNotEqualTo("guest");
        assertThat(first.brokerUser()).startsWith("sohoa-").isNotEqualTo("guest");
        assertThat(first.databasePassword()).hasSize(48).isNotEqualTo(first.brokerPassword());
        assertThat(EmbeddedSecrets.load(home)).as("read again, not generated again").isEqualTo(first);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).as("no partial file left").containsExactly(file);
        }
        assertThat(EmbeddedSecrets.load(Files.createDirectories(home.resolve("other"))).brokerPassword())
                .isNotEqualTo(first.brokerPassword());
    }

    @Test
    void aFileOthersMayReadIsRefused() throws Exception {
        EmbeddedSecrets.load(home);
        Path file = EmbeddedSecrets.file(home);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> EmbeddedSecrets.load(home)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may be read by others").hasMessageContaining("chmod 600");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("left for its owner to see")
                .isEqualTo("rw-r--r--");
    }
}
