package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * OpenMP for a team of one: libtesseract in this JVM runs its parallel regions through it, and Tesseract
 * reads the same text with it as with libgomp (the tesseract CLI on a real scan, with and without it
 * preloaded). bin/setup installs the C compiler the build needs for it. In this JVM it serves only when
 * Tesseract is the system's library: SoHoa's own build has no OpenMP (TesseractLibraryTest).
 */
class SerialOpenMpTest {

    @Test
    void tesseractInThisJvmRunsItsParallelRegionsThroughIt() throws Exception {
        assertThat(SerialOpenMp.install()).as("libsohoa-serial-omp.so built into the jar and loaded").isTrue();
        assumeFalse(TesseractLibrary.install(), "SoHoa's libtesseract, built without OpenMP, is in use");
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT)
                .decode(SharedCorpus.file("robustness/tesseract/phototest.tif")).get(0);
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults().withLanguage("eng"))) {
            long before = SerialOpenMp.regionsOnThisThread().orElseThrow();
            OcrPage read = engine.recognize(1, page.image(), page.dpi());
            assertThat(read.text()).contains("quick brown dog");
            // the LSTM opens regions for every time step: thousands on a page
            assertThat(SerialOpenMp.regionsOnThisThread().orElseThrow() - before).isGreaterThan(1000);
        }
    }

    @Test
    void tesseractReadsTheSameTextWithItAsWithLibgomp() throws Exception {
        assertThat(SerialOpenMp.install()).isTrue();
        Path library = SerialOpenMp.file().orElseThrow();
        Path scan = SharedCorpus.file("real-scans/vietsample1.tif");
        String withLibgomp = TesseractCli.read(scan, Map.of());
        String serial = TesseractCli.read(scan, Map.of("LD_PRELOAD", library.toString()));
        assertThat(withLibgomp).contains("Sơn Tây");
        assertThat(serial).isEqualTo(withLibgomp);
    }
}
