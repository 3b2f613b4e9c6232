package vn.sohoa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.eval.WordErrors;
import vn.sohoa.pipeline.cleanup.StageClock;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.ocr.TesseractEngine;

/** The page path chooses tone marks again with the syllable model when the settings ask for it, and only then. */
class PageReaderToneTest {

    @Test
    void correctedTonesMakeFewerWrongWordsOnARealScan() throws Exception {
        DigitizerSettings on = DigitizerSettings.defaults().withToneCorrection(true);
        DigitizerSettings off = on.withToneCorrection(false);
        List<PageImage> pages = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file("real-scans/vietsample.tif"));
        WordErrors corrected = WordErrors.none();
        WordErrors asRead = WordErrors.none();
        StageClock clock = new StageClock();
        try (TesseractEngine engine = new TesseractEngine(on.ocr())) {
            for (int i = 0; i < pages.size(); i++) {
                String truth = Files.readString(SharedCorpus.file("real-scans/gt/vietsample-p" + (i + 1) + ".txt"));
                corrected = corrected.plus(WordErrors.of(truth, new PageReader(on).read(engine, pages.get(i), clock).ocr().text()));
                asRead = asRead.plus(WordErrors.of(truth, new PageReader(off).read(engine, pages.get(i)).ocr().text()));
            }
        }
        assertThat(clock.millis()).containsKey("tones");
        assertThat(corrected.toneOnly()).isLessThan(asRead.toneOnly());
        assertThat(corrected.correct()).isGreaterThan(asRead.correct());
    }

    @Test
    void theEnginesAskForAlternativesOnlyWhenTonesAreCorrected() {
        DigitizerSettings settings = DigitizerSettings.defaults();
        assertThat(settings.withToneCorrection(true).ocr().symbolChoices()).isTrue();
        assertThat(settings.withToneCorrection(false).ocr().symbolChoices()).isFalse();
        assertThat(settings.withToneCorrection(false).withToneCorrection(true).withOcr(OcrSettings.defaults())
                .ocr().symbolChoices()).as("whatever OCR settings come later").isTrue();
        assertThat(DigitizerSettings.toneCorrection(null)).isTrue();
        assertThat(DigitizerSettings.toneCorrection("0")).isFalse();
        assertThat(DigitizerSettings.toneCorrection("1")).isTrue();
    }
}
