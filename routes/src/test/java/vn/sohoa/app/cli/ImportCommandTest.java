package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.pipeline.Scan;

/**
 * {@code sohoa import} on batches built from printed cover and separator sheets and rendered text pages:
 * the cut into dossiers and documents, the report of pages without a dossier, and a resumed import that
 * does not redo finished documents.
 */
@Tag("e2e")
class ImportCommandTest {

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
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(new ObjectMapper().readTree(line));
            }
        }
        return new Run(code, lines);
    }

    @Test
    void aFolderBatchIsCutByItsSheetsAndAnInterruptedImportResumesWithoutRedoingDocuments() throws Exception {
        Path batch = new PaperBatch()
                .page("TRANG LẠC")                                   // 1: before any cover
                .cover("000.00.20.H56-230515-0001")                 // 2
                .page("ĐƠN ĐỀ NGHỊ").page("TỜ KHAI")                 // 3, 4: document 1
                .separator()                                          // 5
                .page("QUYẾT ĐỊNH")                                  // 6: document 2
                .cover("G22.46-230525-0007")                         // 7
                .page("GIẤY CHỨNG NHẬN")                             // 8: document 3
                .page("BIÊN BẢN")                                    // 9
                .separator().page("THÔNG BÁO")                       // 10, 11: document 4 (name order: page-10 after page-9)
                .writeFolder(dir.resolve("lo-1"));
        Path out = dir.resolve("out");
        Path first = out.resolve("000.00.20.H56-230515-0001/1.pdf");

        Run stopped = run("import", "-o", out.toString(), "--json", "--max-pages", "2", batch.toString());

        assertThat(stopped.exitCode()).isEqualTo(ImportService.STOPPED_EARLY);
        assertThat(first).exists();
        assertThat(out.resolve("000.00.20.H56-230515-0001/2.pdf")).doesNotExist();
        assertThat(pages(first)).isEqualTo(2);
        String firstSha = Scan.sha256(first);
        FileTime firstTime = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first, firstTime); // a rewrite would change it

        Run resumed = run("import", "-o", out.toString(), "--json", batch.toString());

        assertThat(resumed.exitCode()).as("page 1 has no dossier").isEqualTo(1);
        List<JsonNode> documents = resumed.lines().stream().filter(l -> l.hasNonNull("dossierCode")).toList();
        assertThat(documents).extracting(l -> l.get("status").asText()).containsExactly("ok", "ok", "ok", "ok");
        assertThat(documents).extracting(l -> l.get("dossierCode").asText()).containsExactly(
                "000.00.20.H56-230515-0001", "000.00.20.H56-230515-0001", "G22.46-230525-0007", "G22.46-230525-0007");
        assertThat(documents).extracting(l -> l.get("pages").asInt()).containsExactly(2, 1, 2, 1);
        assertThat(documents).extracting(l -> l.get("inputPages").asText()).containsExactly("3-4", "6", "8-9", "11");
        assertThat(documents.get(0).get("skipped").asBoolean()).isTrue();
        assertThat(documents.get(1).has("skipped")).isFalse();
        assertThat(documents.get(2).get("output").asText()).isEqualTo(out.resolve("G22.46-230525-0007/1.pdf").toString());

        assertThat(Scan.sha256(first)).isEqualTo(firstSha);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(firstTime);
        assertThat(pages(out.resolve("000.00.20.H56-230515-0001/2.pdf"))).isEqualTo(1);
        assertThat(pages(out.resolve("G22.46-230525-0007/1.pdf"))).isEqualTo(2);
        assertThat(text(out.resolve("G22.46-230525-0007/2.pdf"))).contains("THÔNG BÁO").doesNotContain("PHIẾU");
        assertThat(text(out.resolve("000.00.20.H56-230515-0001/1.pdf"))).contains("ĐƠN ĐỀ NGHỊ")
                .doesNotContain("PHIẾU BÌA");

        JsonNode lost = resumed.lines().stream().filter(l -> l.get("dossierCode").isNull()).findFirst().orElseThrow();
        assertThat(lost.get("status").asText()).isEqualTo("failed");
        assertThat(lost.get("inputPages").asText()).isEqualTo("1");
        assertThat(lost.get("error").asText()).contains("trước tờ bìa");

        List<String> journal = Files.readAllLines(out.resolve(ImportJournal.FILE_NAME));
        assertThat(journal.stream().filter(l -> l.contains("\"event\":\"plan\""))).hasSize(1);
        assertThat(journal.stream().filter(l -> l.contains("\"event\":\"done\""))).hasSize(4);
        assertThat(Files.readString(out.resolve("import-report.txt"))).contains("3 tài liệu mới").contains("1 đã xong");
    }

    @Test
    void aMultiPageTiffBatchIsCutTheSameWay() throws Exception {
        Path tiff = new PaperBatch().cover("HS-2026-000777").page("ĐƠN ĐỀ NGHỊ").separator().page("TỜ KHAI")
                .writeTiff(dir.resolve("lo.tif"));
        Path out = dir.resolve("out");

        Run run = run("import", "-o", out.toString(), "--json", tiff.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).extracting(l -> l.get("output").asText()).containsExactly(
                out.resolve("HS-2026-000777/1.pdf").toString(), out.resolve("HS-2026-000777/2.pdf").toString());
        assertThat(text(out.resolve("HS-2026-000777/2.pdf"))).contains("TỜ KHAI");
    }

    private static int pages(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
