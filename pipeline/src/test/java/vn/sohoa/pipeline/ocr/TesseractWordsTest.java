package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * The words of a page read in one native call (words.cpp, built into the jar by bin/setup's C++ compiler and
 * libtesseract-dev) are the very words the C API's iterator gives: the same texts, boxes, confidences, block and
 * line starts and block orientations, on a dense real scan (600 words in two columns and a table) and on a
 * sideways one, which Tesseract reads as vertical writing.
 */
class TesseractWordsTest {

    private static void assertSameBothWays(String scan, int page, int atLeast) throws Exception {
        assertThat(TesseractWords.available()).as("libsohoa-words.so built and loaded").isTrue();
        PageImage image = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(scan)).get(page);
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults())) {
            List<TesseractWords.Word> native1 = engine.words(image.image(), image.dpi(), false);
            List<TesseractWords.Word> capi = engine.words(image.image(), image.dpi(), true);
            assertThat(native1).hasSizeGreaterThan(atLeast);
            for (int i = 0; i < Math.min(native1.size(), capi.size()); i++) {
                assertThat(native1.get(i)).as("word %d", i).isEqualTo(capi.get(i));
            }
            assertThat(native1).hasSameSizeAs(capi);
            assertThat(native1.stream().filter(TesseractWords.Word::startsLine).count()).isGreaterThan(atLeast / 20);
        }
    }

    @Test
    void aDenseRealScanGivesTheSameWordsBothWays() throws Exception {
        assertSameBothWays("real-scans/vietsample.tif", 0, 500);
    }

    @Test
    void aSidewaysPageGivesTheSameWordsAndOrientationBothWays() throws Exception {
        assertSameBothWays("real-scans/vietsample2.tif", 0, 20);
    }

    @Test
    void theNativeLinesParse() {
        List<TesseractWords.Word> words = TesseractWords.parse("1 1 0 0 2 10 20 30 40 91.5\tQuyết\n0 0 0 0 2 35 20 60 40 88\t\n");
        assertThat(words).containsExactly(
                new TesseractWords.Word(true, true, 0, 0, 2, new Box(10, 20, 30, 40), 91.5f, "Quyết"),
                new TesseractWords.Word(false, false, 0, 0, 2, new Box(35, 20, 60, 40), 88f, ""));
    }
}
