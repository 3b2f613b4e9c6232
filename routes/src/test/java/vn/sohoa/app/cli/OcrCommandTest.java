package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.sohoa.app.SharedCorpus;

/** The command-line contract other tools rely on, run in-process on a real Vietnamese scan. */
class OcrCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, List<JsonNode> lines) {
    }

    private Run run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = new CommandLine(new SohoaCommand()).execute(args);
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        return new Run(code, lines);
    }

    @Test
    void everyInputGetsAJsonLineAndOnlyAllOkExitsZero() throws Exception {
        Path scan = SharedCorpus.file("real-scans/vietsample.tif");
        Path broken = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.4 nothing else");
        Path out = dir.resolve("out");

        Run run = run("ocr", "--output-dir", out.toString(), "--json", scan.toString(), broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(2);
        JsonNode ok = run.lines().get(0);
        assertThat(ok.get("input").asText()).isEqualTo(scan.toString());
        assertThat(ok.get("status").asText()).isEqualTo("ok");
        assertThat(ok.get("output").asText()).isEqualTo(out.resolve("vietsample.pdf").toString());
        assertThat(ok.get("pages").asInt()).isEqualTo(2);
        assertThat(ok.has("type")).isTrue();
        assertThat(ok.get("fields").isObject()).isTrue();
        assertThat(ok.get("error").isNull()).isTrue();

        JsonNode failed = run.lines().get(1);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).contains("PDF is damaged");
        assertThat(Files.exists(out.resolve("broken.pdf"))).isFalse();

        try (PDDocument pdf = Loader.loadPDF(out.resolve("vietsample.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Hôm nay tôi đi học");
        }
    }

    @Test
    void aMissingFileIsReportedAndTheOthersStillComplete() throws Exception {
        Path scan = SharedCorpus.file("real-scans/vietsample2.png");
        Run run = run("ocr", "-o", dir.toString(), "--json", dir.resolve("missing.jpg").toString(), scan.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines().get(0).get("error").asText()).isEqualTo("file not found");
        assertThat(run.lines().get(1).get("status").asText()).isEqualTo("ok");
        assertThat(dir.resolve("vietsample2.pdf")).exists();
    }

    @Test
    void sameNamesInDifferentFoldersGetDistinctOutputs() {
        List<Path> targets = OcrCommand.targets(List.of(Path.of("a/scan.jpg"), Path.of("b/scan.png"), Path.of("scan")),
                Path.of("out"));
        assertThat(targets).containsExactly(Path.of("out/scan.pdf"), Path.of("out/scan-2.pdf"), Path.of("out/scan-3.pdf"));
    }
}
