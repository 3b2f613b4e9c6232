package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * The orientation read from the text lines alone, on the pages as cleanup hands them to orientation
 * detection. "270" means the estimate must be sure and say 270; "270?" that it may leave the page to OSD,
 * but must say 270 if it is sure: a sure answer is never wrong.
 */
class TextLineOrientationTest {

    @ParameterizedTest(name = "{0}: clockwise turns {1}")
    @CsvSource({
            "robustness/ocrmypdf/cardinal.pdf, 0 270 180 90",
            "robustness/tesseract/phototest-rotated-180.png, 180",
            "robustness/tesseract/phototest-rotated-L.png, 90",
            "robustness/tesseract/phototest-rotated-R.png, 270",
            "robustness/tesseract/phototest.tif, 0",
            "robustness/tesseract/eurotext.tif, 0",
            // Devanagari hangs below a headline: not the Latin shape this reads, so left to OSD
            "robustness/tesseract/devatest-rotated-270.png, 90?",
            "real-scans/vietsample.tif, 0 0",
            "real-scans/vietsample1.tif, 0 0",
            "real-scans/vietsample2.png, 0",
            // a short poem turned sideways, and two short columns whose lines do not meet: too little to be sure
            "real-scans/vietsample2.tif, 270? 0?"})
    void aSureAnswerIsRight(String file, String turns) throws Exception {
        List<PageImage> pages = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(file));
        String[] expected = turns.split(" ");
        assertThat(pages).hasSize(expected.length);
        for (int i = 0; i < pages.size(); i++) {
            TextLineOrientation.Estimate estimate = estimateAsCleanupWould(pages.get(i));
            String page = file + " page " + (i + 1) + ": " + estimate;
            boolean mayBeUnsure = expected[i].endsWith("?");
            int turn = Integer.parseInt(expected[i].replace("?", ""));
            if (!mayBeUnsure) {
                assertThat(estimate.sure()).as(page).isTrue();
            }
            if (estimate.sure()) {
                assertThat(estimate.rotation()).as(page).isEqualTo(turn);
            }
        }
    }

    /**
     * The x-height of the body text, from which OCR chooses its resolution: 14 pt Liberation Serif (x-height
     * 0.46 em, 0.089 inch) on rendered quyết định pages at 200 and 300 dpi.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {200, 300})
    void theXHeightOfTheBodyText(int dpi) {
        java.awt.image.BufferedImage page = RenderedScans.quyetDinh(dpi).pages().get(0).image();
        TextLineOrientation.Estimate estimate = estimateAsCleanupWould(new PageImage(1, page, dpi, true));
        System.out.println(dpi + " dpi: " + estimate);
        assertThat(estimate.xHeightInches()).isCloseTo(0.46 * 14 / 72, org.assertj.core.data.Percentage.withPercentage(15));
    }

    /** The estimate on the copy cleanup judges orientation on (ink suppressed, borders removed). */
    private static TextLineOrientation.Estimate estimateAsCleanupWould(PageImage page) {
        PageCleanup cleanup = new PageCleanup((grey, dpi) -> Optional.empty());
        Downscale.Scaled copy = PageCleanup.forOrientation(cleanup.cleanPixels(page, StageClock.NONE));
        return new TextLineOrientation().estimate(copy.grey(), copy.dpi()).orElseThrow();
    }
}
