package vn.sohoa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.cleanup.StageClock;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.ocr.OcrWord;
import vn.sohoa.pipeline.ocr.TesseractEngine;

/**
 * A page whose text lines leave the orientation unsure is turned by their guess and read; the reading
 * confirms the guess (no OSD) or, when it does not, OSD decides and the page is read again.
 */
class PageReaderOrientationTest {

    private static TesseractEngine engine;

    @BeforeAll
    static void start() {
        engine = new TesseractEngine(OcrSettings.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static List<PageImage> pages(String file) throws Exception {
        return new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(file));
    }

    @Test
    void aRightGuessIsConfirmedByReadingWithoutOsd() throws Exception {
        // a poem scanned sideways, and two columns whose lines do not meet: the lines' guess is right but unsure
        List<PageImage> pages = pages("real-scans/vietsample2.tif");
        int[] expected = {270, 0};
        PageReader reader = new PageReader(DigitizerSettings.defaults());
        for (int i = 0; i < pages.size(); i++) {
            StageClock clock = new StageClock();
            PageReading reading = reader.read(engine, pages.get(i), clock);
            assertThat(reading.rotation()).as("page %d", i + 1).isEqualTo(expected[i]);
            assertThat(clock.millis()).as("page %d", i + 1).doesNotContainKey("osd");
            assertThat(reading.ocr().text()).contains(i == 0 ? "Trung Thu" : "Thằng cuội");
        }
    }

    @Test
    void aWrongGuessIsLeftToOsdAndThePageReadAgain() throws Exception {
        // Devanagari hangs below a headline: the lines guess 270, OSD knows it is 90
        PageImage page = pages("robustness/tesseract/devatest-rotated-270.png").get(0);
        StageClock clock = new StageClock();
        PageReading reading = new PageReader(DigitizerSettings.defaults()).read(engine, page, clock);
        assertThat(reading.rotation()).isEqualTo(90);
        assertThat(clock.millis()).containsKey("osd");
    }

    @Test
    void onlyConfidentUprightReadingConfirms() {
        OcrLine line = new OcrLine(List.of(new OcrWord("Thủ tục hành chính một cửa".repeat(5), new Box(0, 0, 10, 10), 90)),
                new Box(0, 0, 10, 10));
        assertThat(PageReader.confirmsOrientation(new OcrPage(1, 100, 100, 300, List.of(line), true))).isTrue();
        assertThat(PageReader.confirmsOrientation(new OcrPage(1, 100, 100, 300, List.of(line), false)))
                .as("read as vertical writing").isFalse();
        OcrLine unsure = new OcrLine(List.of(new OcrWord(line.words().get(0).text(), new Box(0, 0, 10, 10), 40)),
                new Box(0, 0, 10, 10));
        assertThat(PageReader.confirmsOrientation(new OcrPage(1, 100, 100, 300, List.of(unsure), true))).isFalse();
        OcrLine short_ = new OcrLine(List.of(new OcrWord("Số: 12", new Box(0, 0, 10, 10), 95)), new Box(0, 0, 10, 10));
        assertThat(PageReader.confirmsOrientation(new OcrPage(1, 100, 100, 300, List.of(short_), true)))
                .as("too little text to judge").isFalse();
    }
}
