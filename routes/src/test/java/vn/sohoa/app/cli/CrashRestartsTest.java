package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.sohoa.pipeline.DigitizerSettings;

/**
 * The digitizing child's command line is built from the import's request alone, whatever this process was
 * started with (a service's {@code serve ...}), and {@code sohoa import} accepts it as a worker of the run.
 */
class CrashRestartsTest {

    @TempDir
    Path dir;

    @Test
    void theChildIsSohoaImportWithExactlyTheRequestsOptions() {
        Path out = dir.resolve("imports/20261207-130000-000");
        Path batch = dir.resolve("backlog/hop 2019/lo-01");
        ImportService.Request request = new ImportService.Request(out, List.of(batch), 2, true, 7,
                DigitizerSettings.defaults(), 5, List.of("--sign-reason", "Sao y bản chính", "--no-progress"), null);

        List<String> command = new CrashRestarts(request, new ImportListener() { }).childCommand(12);

        assertThat(Path.of(command.get(0)).getFileName().toString()).startsWith("java");
        assertThat(command).contains("-XX:ErrorFile=" + out.toAbsolutePath().resolve("hs_err_pid%p.log"))
                .doesNotContain("serve").noneMatch(option -> option.startsWith("-agentlib:"));
        List<String> arguments = command.subList(command.indexOf("import"), command.size());
        assertThat(arguments).containsExactly("import", "--worker-of-run=12", "--output-dir", out.toAbsolutePath().toString(),
                "--threads", "2", "--json", "--restarts", "0", "--blank-separates", "--max-pages", "7",
                "--sign-reason", "Sao y bản chính", "--no-progress", "--", batch.toAbsolutePath().toString());

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
        assertThat(parsed.signing.reason).isEqualTo("Sao y bản chính");
    }

    @Test
    void theSigningOptionsGivenAreTheOnesTheChildGets() {
        SigningOptions signing = new SigningOptions();
        new CommandLine(signing).parseArgs("--sign-keystore", "ky-so.p12", "--sign-alias", "vanthu",
                "--sign-visible", "--tsa", "http://tsa.example.vn/");
        SigningOptions again = new SigningOptions();
        new CommandLine(again).parseArgs(signing.arguments().toArray(String[]::new));
        assertThat(again.keystore).isEqualTo(Path.of("ky-so.p12").toAbsolutePath());
        assertThat(again.alias).isEqualTo("vanthu");
        assertThat(again.visiblePage).isEqualTo(1);
        assertThat(again.timestampAuthority).hasToString("http://tsa.example.vn/");
        assertThat(again.reason).isNull();
    }
}
