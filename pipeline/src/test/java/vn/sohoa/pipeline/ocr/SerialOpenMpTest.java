package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.SharedCorpus;

/**
 * OpenMP for a team of one: Tesseract reads the same text with it as with libgomp (the tesseract CLI on a real
 * scan, with and without it preloaded). bin/setup installs the C compiler the build needs for it. It serves
 * only when Tesseract is the system's library (SoHoa's own build has no OpenMP): SystemLibraryTest counts the
 * regions run through it in a JVM that uses the system's.
 */
class SerialOpenMpTest {

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
