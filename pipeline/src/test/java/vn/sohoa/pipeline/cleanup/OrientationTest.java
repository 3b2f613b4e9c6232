package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.sohoa.models.eval.CharacterErrorRate;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.ocr.TesseractEngine;

/**
 * Pages scanned sideways or upside down, from OCRmyPDF's and Tesseract's own test material, come out of
 * cleanup upright: every page of cardinal.pdf (turned 0, 90, 180 and 270 degrees inside the image) and the
 * rotated phototest and devatest samples.
 */
class OrientationTest {

    private static TesseractEngine engine;

    @BeforeAll
    static void start() {
        engine = new TesseractEngine(OcrSettings.defaults().withLanguage("eng"));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static PageCleanup cleanup() {
        return new PageCleanup((grey, dpi) -> engine.detectOrientation(grey, dpi, 2.0f)
                .filter(o -> o.confidence() >= 2.0f).map(TesseractEngine.Orientation::degrees));
    }

    @ParameterizedTest(name = "{0}: clockwise turns {1}")
    @CsvSource({
            "robustness/ocrmypdf/cardinal.pdf, 0 270 180 90",
            "robustness/tesseract/phototest-rotated-180.png, 180",
            "robustness/tesseract/phototest-rotated-L.png, 90",
            "robustness/tesseract/phototest-rotated-R.png, 270",
            "robustness/tesseract/devatest-rotated-270.png, 90"})
    void everyPageIsTurnedUpright(String file, String turns) throws Exception {
        List<PageImage> pages = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(file));
        String[] expected = turns.split(" ");
        assertThat(pages).hasSize(expected.length);
        for (int i = 0; i < pages.size(); i++) {
            CleanPage clean = cleanup().clean(pages.get(i));
            assertThat(clean.rotation()).as("%s page %d", file, i + 1).isEqualTo(Integer.parseInt(expected[i]));
        }
    }

    @ParameterizedTest
    @CsvSource({"phototest-rotated-180.png", "phototest-rotated-L.png", "phototest-rotated-R.png"})
    void aTurnedPageReadsLikeTheUprightOne(String file) throws Exception {
        Path truth = SharedCorpus.file("robustness/tesseract/phototest.txt");
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file("robustness/tesseract/" + file)).get(0);
        CleanPage clean = cleanup().clean(page);
        String text = engine.recognize(1, clean.forOcr(), clean.dpi()).text();
        assertThat(CharacterErrorRate.orderIndependent(Files.readString(truth), text)).isLessThan(0.05);
    }
}
