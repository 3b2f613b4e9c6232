package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.pdf.sign.SignatureBox;
import vn.sohoa.pipeline.pdf.sign.SigningSettings;

/**
 * The digitizing child's command line is built from the import's request alone, whatever this process was
 * started with (a service's {@code serve ...}), signing as the request's settings say with the password only in
 * its environment, and {@code sohoa import} accepts it as a worker of the run.
 */
class CrashRestartsTest {

    private static final String PASSWORD = "mat-khau-bi-mat";

    @TempDir
    Path dir;

    @Test
    void theChildIsSohoaImportWithExactlyTheRequestsOptions() {
        Path out = dir.resolve("imports/20261207-130000-000");
        Path batch = dir.resolve("backlog/hop 2019/lo-01");
        Path keystore = dir.resolve("ky-so.p12");
        SigningSettings signing = new SigningSettings(keystore, PASSWORD, "vanthu", "Sao y bản chính", null,
                URI.create("http://tsa.example.vn/"), SignatureBox.bottomRight(2));
        ImportService.Request request = new ImportService.Request(out, List.of(batch), 2, true, 7,
                DigitizerSettings.defaults().withSigning(signing), 5, List.of("--no-progress"), null);
        CrashRestarts restarts = new CrashRestarts(request, new ImportListener() { });

        List<String> command = restarts.childCommand(12);

        assertThat(Path.of(command.get(0)).getFileName().toString()).startsWith("java");
        assertThat(command).contains("-XX:ErrorFile=" + out.toAbsolutePath().resolve("hs_err_pid%p.log"))
                .doesNotContain("serve").noneMatch(option -> option.startsWith("-agentlib:"))
                .noneMatch(option -> option.contains(PASSWORD));
        List<String> arguments = command.subList(command.indexOf("import"), command.size());
        assertThat(arguments).containsExactly("import", "--worker-of-run=12", "--output-dir", out.toAbsolutePath().toString(),
                "--threads", "2", "--json", "--restarts", "0", "--blank-separates", "--max-pages", "7",
                "--sign-keystore", keystore.toAbsolutePath().toString(), "--sign-alias", "vanthu",
                "--sign-reason", "Sao y bản chính", "--sign-visible=2", "--tsa", "http://tsa.example.vn/",
                "--no-progress", "--", batch.toAbsolutePath().toString());
        assertThat(restarts.childEnvironment()).containsExactly(Map.entry(SigningOptions.PASSWORD_VARIABLE, PASSWORD));

        ImportCommand parsed = new ImportCommand();
        new CommandLine(parsed).parseArgs(arguments.subList(1, arguments.size()).toArray(String[]::new));
        assertThat(parsed.runStart).isEqualTo(12);
        assertThat(parsed.outputDir).isEqualTo(out.toAbsolutePath());
        assertThat(parsed.inputs).containsExactly(batch.toAbsolutePath());
        assertThat(parsed.json).isTrue();
        assertThat(parsed.threads).isEqualTo(2);
        assertThat(parsed.maxPages).isEqualTo(7);
        assertThat(parsed.blankSeparates).isTrue();
        assertThat(parsed.progress).isFalse();
        assertThat(parsed.signing.signing(PASSWORD)).contains(signing);
    }

    @Test
    void anUnsignedImportsChildGetsNoSigningOptionsNorPassword() {
        ImportService.Request request = new ImportService.Request(dir.resolve("out"), List.of(dir.resolve("lo")), 1,
                false, null, DigitizerSettings.defaults(), 5, List.of("--no-progress"), null);
        CrashRestarts restarts = new CrashRestarts(request, new ImportListener() { });

        assertThat(restarts.childCommand(0)).noneMatch(option -> option.startsWith("--sign") || option.equals("--tsa"));
        assertThat(restarts.childEnvironment()).isEmpty();
    }

    @Test
    void theSigningOptionsGivenAreTheOnesTheChildGets() {
        SigningOptions signing = new SigningOptions();
        new CommandLine(signing).parseArgs("--sign-keystore", "ky-so.p12", "--sign-alias", "vanthu",
                "--sign-visible", "--tsa", "http://tsa.example.vn/");
        SigningSettings given = signing.signing(PASSWORD).orElseThrow();
        SigningOptions again = new SigningOptions();
        new CommandLine(again).parseArgs(SigningOptions.arguments(given).toArray(String[]::new));
        assertThat(again.keystore).isEqualTo(Path.of("ky-so.p12").toAbsolutePath());
        assertThat(again.signing(PASSWORD)).contains(new SigningSettings(Path.of("ky-so.p12").toAbsolutePath(),
                PASSWORD, "vanthu", null, null, URI.create("http://tsa.example.vn/"), SignatureBox.bottomRight(1)));
    }

    @Test
    void aBoxTheCommandLineCannotNameIsRefused() {
        SigningSettings elsewhere = SigningSettings.invisible(dir.resolve("ky-so.p12"), PASSWORD)
                .withVisible(new SignatureBox(1, 36, 36, 180, 60));
        assertThatThrownBy(() -> SigningOptions.arguments(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bottom right");
    }
}
