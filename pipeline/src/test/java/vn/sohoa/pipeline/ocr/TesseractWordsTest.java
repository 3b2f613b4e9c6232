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
        assertSameBothWays(OcrSettings.defaults(), scan, page, atLeast);
    }

    private static void assertSameBothWays(OcrSettings settings, String scan, int page, int atLeast) throws Exception {
        assertThat(TesseractWords.available()).as("libsohoa-words.so built and loaded").isTrue();
        PageImage image = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(scan)).get(page);
        try (TesseractEngine engine = new TesseractEngine(settings)) {
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
    void theSymbolChoicesAreThoseOfTheChoiceIterator() throws Exception {
        assertSameBothWays(OcrSettings.defaults().withSymbolChoices(5), "real-scans/vietsample2.png", 0, 500);
    }

    @Test
    void withoutChoicesAWordHasNoSymbols() throws Exception {
        PageImage image = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file("real-scans/vietsample2.png")).get(0);
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults())) {
            assertThat(engine.recognize(1, image.image(), image.dpi()).words()).allMatch(w -> w.symbols().isEmpty());
        }
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults().withSymbolChoices(2))) {
            List<OcrWord> words = engine.recognize(1, image.image(), image.dpi()).words();
            // vie's letters are one symbol each, tone marks included: a symbol for every letter of a word
            long oneSymbolALetter = words.stream()
                    .filter(w -> w.symbols().size() == w.text().codePointCount(0, w.text().length())).count();
            assertThat(oneSymbolALetter).isGreaterThan(words.size() * 95L / 100);
            assertThat(words).allMatch(w -> w.symbols().stream().allMatch(s -> s.choices().size() <= 3));
        }
    }

    @Test
    void theNativeLinesWithChoicesParse() {
        List<TesseractWords.Word> words = TesseractWords.parse("1 1 0 0 2 10 20 30 40 91.5\tmây\tm 0\tâ 1.5 ấ 4\t\n", 5);
        assertThat(words).containsExactly(new TesseractWords.Word(true, true, 0, 0, 2, new Box(10, 20, 30, 40), 91.5f,
                "mây", List.of(new SymbolChoices(List.of(new SymbolChoices.Choice("m", 100))),
                        new SymbolChoices(List.of(new SymbolChoices.Choice("â", 92.5f), new SymbolChoices.Choice("ấ", 80))),
                        new SymbolChoices(List.of()))));
    }

    @Test
    void theNativeLinesParse() {
        List<TesseractWords.Word> words = TesseractWords.parse("1 1 0 0 2 10 20 30 40 91.5\tQuyết\n0 0 0 0 2 35 20 60 40 88\t\n", 5);
        assertThat(words).containsExactly(
                new TesseractWords.Word(true, true, 0, 0, 2, new Box(10, 20, 30, 40), 91.5f, "Quyết", List.of()),
                new TesseractWords.Word(false, false, 0, 0, 2, new Box(35, 20, 60, 40), 88f, "", List.of()));
    }
}
