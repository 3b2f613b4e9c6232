package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.sohoa.scanner.escl.EsclScannerSimulator;
import vn.sohoa.scanner.sane.SanedDaemon;

/**
 * A desk scan session: against a real saned running SANE's test backend, and against the eSCL simulator,
 * which stands in for a network scanner (none can run here) and is written from the public eSCL spec.
 */
@Tag("e2e")
class ScanCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            code = new CommandLine(new SohoaCommand()).execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFlatbedPageFromSaneBecomesADocumentOfTheDossier() throws Exception {
        Optional<SanedDaemon> started = SanedDaemon.start();
        assumeTrue(started.isPresent(), SanedDaemon.MISSING);
        try (SanedDaemon saned = started.get()) {
            Path out = dir.resolve("out");
            Run run = run("scan", "--sane", "127.0.0.1:" + saned.address().getPort(), "--device", "test:0",
                    "--source", "flatbed", "--dpi", "75", "--mode", "gray", "--dossier", "HS-SANE-1",
                    "--output-dir", out.toString(), "--json");
            assertThat(run.exitCode()).as(run.stderr() + saned.log()).isZero();
            JsonNode line = new ObjectMapper().readTree(run.stdout().strip());
            assertThat(line.get("status").asText()).isEqualTo("ok");
            assertThat(line.get("dossierCode").asText()).isEqualTo("HS-SANE-1");
            assertThat(line.get("pages").asInt()).isEqualTo(1);
            assertThat(out.resolve("HS-SANE-1/1.pdf")).isRegularFile();
            try (Stream<Path> files = Files.list(out.resolve("HS-SANE-1"))) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("scan-") && n.endsWith(".tif"));
            }
        }
    }

    @Test
    void aFeederBatchFromEsclIsHandedToTheServiceInbox() throws Exception {
        try (EsclScannerSimulator scanner = EsclScannerSimulator.start()) {
            scanner.loadFeeder(3);
            Path inbox = dir.resolve("inbox");
            Run run = run("scan", "--escl", scanner.root().toString(), "--source", "feeder", "--dpi", "100",
                    "--dossier", "HS-ESCL-1", "--output-dir", dir.resolve("out").toString(), "--inbox", inbox.toString());
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            List<Path> handed;
            try (Stream<Path> files = Files.list(inbox.resolve("HS-ESCL-1"))) {
                handed = files.toList();
            }
            assertThat(handed).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).endsWith(".tif"));
            assertThat(pagesOf(handed.get(0))).isEqualTo(3);
            try (Stream<Path> originals = Files.walk(dir.resolve("out/HS-ESCL-1"))) {
                assertThat(originals.filter(p -> p.toString().endsWith(".jpg"))).hasSize(3);
            }
        }
    }

    @Test
    void anEmptyFeederIsAClearScannerError() throws Exception {
        try (EsclScannerSimulator scanner = EsclScannerSimulator.start()) {
            scanner.loadFeeder(0);
            Run run = run("scan", "--escl", scanner.root().toString(), "--dossier", "HS-ESCL-2",
                    "--output-dir", dir.resolve("out").toString());
            assertThat(run.exitCode()).isEqualTo(ScanCommand.SCANNER_FAILED);
            assertThat(run.stderr()).contains("Máy quét báo lỗi").containsIgnoringCase("feeder");
        }
    }

    private static int pagesOf(Path tiff) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }
}
