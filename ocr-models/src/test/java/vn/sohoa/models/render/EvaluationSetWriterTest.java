package vn.sohoa.models.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationSetWriterTest {

    @Test
    void theSameSeedWritesTheSameManifestAndGroundTruthBytes(@TempDir Path first, @TempDir Path second)
            throws IOException {
        List<ManifestEntry> entries = new EvaluationSetWriter(100, 75).write(first, 2, 7, CorpusDocumentParserTest.LEGAL_TEXT);
        new EvaluationSetWriter(100, 75).write(second, 2, 7, CorpusDocumentParserTest.LEGAL_TEXT);

        byte[] manifest = Files.readAllBytes(first.resolve("manifest.jsonl"));
        assertThat(manifest).isEqualTo(Files.readAllBytes(second.resolve("manifest.jsonl")));
        assertThat(new String(manifest, StandardCharsets.UTF_8).lines()).hasSize(entries.size());
        for (ManifestEntry entry : entries) {
            assertThat(first.resolve(entry.file())).exists();
            assertThat(Files.readAllBytes(first.resolve(entry.file())))
                    .as(entry.file()).isEqualTo(Files.readAllBytes(second.resolve(entry.file())));
            String groundTruth = Files.readString(first.resolve(entry.groundTruth()));
            assertThat(groundTruth.split("\f")).hasSize(entry.pages());
            assertThat(entry.fields()).containsKeys("so_ky_hieu", "ngay_ban_hanh", "co_quan_ban_hanh",
                    "loai_van_ban", "trich_yeu", "nguoi_ky", "chuc_vu_nguoi_ky", "noi_ban_hanh");
            if (entry.firstPage() == 1) {
                assertThat(groundTruth).contains("Số: " + entry.fields().get("so_ky_hieu"));
            }
        }
        assertThat(entries).extracting(ManifestEntry::variant).contains("clean");
    }

    @Test
    void bilevelTiffPagesAreGroupFourAndMultiPageDocumentsShareOneTiff(@TempDir Path out) throws IOException {
        List<ManifestEntry> entries = new EvaluationSetWriter(100, 75).write(out, 6, 7, null);

        List<ManifestEntry> tiffs = entries.stream().filter(e -> e.format().equals("tiff")).toList();
        assertThat(tiffs).isNotEmpty();
        for (ManifestEntry tiff : tiffs) {
            try (ImageInputStream in = ImageIO.createImageInputStream(out.resolve(tiff.file()).toFile())) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                assertThat(reader.getNumImages(true)).isEqualTo(tiff.pages());
                BufferedImage first = reader.read(0);
                if (tiff.colourMode().equals("bilevel")) {
                    assertThat(first.getColorModel().getPixelSize()).isEqualTo(1);
                    assertThat(tiff.compression()).isEqualTo(ScanFileWriter.TIFF_G4);
                }
                reader.dispose();
            }
        }
    }

    @Test
    void manifestJsonEscapesQuotesBackslashesAndControlCharacters() {
        ManifestEntry entry = new ManifestEntry("a.png", "a.gt.txt", "a.words.tsv", "d\"1", "synthetic", "clean",
                List.of(), 300, "rgb", "png", "png", 1, 1,
                Map.of("trich_yeu", "V/v \"số hóa\" C:\\hồ sơ\n\tmới\u0001"));

        assertThat(entry.toJson())
                .contains("\"doc_id\":\"d\\\"1\"")
                .contains("\"trich_yeu\":\"V/v \\\"số hóa\\\" C:\\\\hồ sơ\\n\\tmới\\u0001\"")
                .contains("\"degradations\":[]")
                .doesNotContain("\n");
    }
}
