package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * The per-page OCR time limit (Tesseract's ETEXT_DESC deadline): a limit far below what a dense page takes
 * ends recognition with OCR_TIMEOUT, and the engine reads the next page normally afterwards.
 */
class OcrTimeLimitTest {

    private static PageImage phototest() throws Exception {
        return new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file("robustness/tesseract/phototest.tif")).get(0);
    }

    @Test
    void aTinyLimitEndsRecognitionAndTheEngineCarriesOn() throws Exception {
        PageImage page = phototest();
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults().withLanguage("eng"))) {
            assertThatThrownBy(() -> engine.recognize(1, page.image(), page.dpi(), Duration.ofMillis(1)))
                    .isInstanceOf(OcrTimeoutException.class)
                    .hasMessageContaining("page 1");
            OcrPage read = engine.recognize(2, page.image(), page.dpi(), Duration.ofMinutes(5));
            assertThat(read.text()).contains("quick brown dog");
        }
    }

    @Test
    void theDigitizerRefusesTheScanWithOcrTimeout(@TempDir Path dir) throws Exception {
        Path scan = SharedCorpus.file("robustness/tesseract/phototest.tif");
        DigitizerSettings settings = DigitizerSettings.defaults().withOcrThreads(1).withOcrTimeLimit(Duration.ofMillis(1));
        try (Digitizer digitizer = new Digitizer(settings)) {
            assertThatThrownBy(() -> digitizer.digitize(Scan.of(scan), dir.resolve("out.pdf")))
                    .isInstanceOf(RejectedScanException.class)
                    .satisfies(e -> assertThat(((RejectedScanException) e).reason())
                            .isEqualTo(RejectedScanException.Reason.OCR_TIMEOUT));
        }
        assertThat(Files.exists(dir.resolve("out.pdf"))).isFalse();
    }
}
