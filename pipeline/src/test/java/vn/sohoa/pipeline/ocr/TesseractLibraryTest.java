package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * SoHoa's libtesseract (src/main/c/tesseract.sh): built into the jar (bin/setup installs cmake, g++ and
 * curl for it), the one this JVM reads with, and reading the same text as the system's (the system's
 * tesseract CLI on a real scan, run on each library in turn).
 */
class TesseractLibraryTest {

    @BeforeEach
    void builtHere() throws Exception {
        // a machine that cannot build it (no network to Debian's archive, another platform) uses the system's
        // library; the build script says why, and so does this test instead of failing
        try (InputStream reason = TesseractLibrary.class.getResourceAsStream("/native/linux-x86-64/libtesseract.skipped")) {
            Assumptions.assumeTrue(reason == null, () -> "SoHoa's libtesseract was not built: " + read(reason));
        }
    }

    @Test
    void theJvmReadsWithSohoasBuildAndNotTheSystemsLibrary() throws Exception {
        assertThat(TesseractLibrary.install()).as("libtesseract.so built into the jar and loaded").isTrue();
        Path file = TesseractLibrary.file().orElseThrow();
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT)
                .decode(SharedCorpus.file("robustness/tesseract/phototest.tif")).get(0);
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults().withLanguage("eng"))) {
            assertThat(engine.recognize(1, page.image(), page.dpi()).text()).contains("quick brown dog");
        }
        assertThat(TesseractLibrary.mapped()).contains(file);
        // built without OpenMP: none of Tesseract's parallel regions goes through the serial OpenMP library
        SerialOpenMp.regionsOnThisThread().ifPresent(regions -> assertThat(regions).isZero());
    }

    @Test
    void itReadsTheSameTextAsTheSystemsLibrary() throws Exception {
        Path folder = TesseractLibrary.folderForProcesses().orElseThrow();
        Path scan = SharedCorpus.file("real-scans/vietsample1.tif");
        String system = TesseractCli.read(scan, Map.of());
        String sohoa = TesseractCli.read(scan, Map.of("LD_LIBRARY_PATH", folder.toString()));
        assertThat(system).contains("Sơn Tây");
        assertThat(sohoa).isEqualTo(system);
        // and the process did run on SoHoa's build: the dynamic loader says which file it opened
        ProcessBuilder builder = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true);
        builder.environment().putAll(Map.of("LD_LIBRARY_PATH", folder.toString(), "LD_DEBUG", "libs"));
        Process process = builder.start();
        String loaderLog = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(loaderLog).contains("calling init: " + folder.resolve("libtesseract.so.5"));
    }

    /**
     * The int8 matrix products through AVX512-VNNI (tesseract-simd.patch; chosen when the CPU has it, as the
     * 2-core VMs here do) give the text of the AVX2 ones, which DOTPRODUCT=avx2 asks for; on a CPU without VNNI
     * both runs take the AVX2 path and the comparison holds trivially.
     */
    @Test
    void itReadsTheSameTextWithTheVnniMatrixAsWithAvx2() throws Exception {
        Path folder = TesseractLibrary.folderForProcesses().orElseThrow();
        Path scan = SharedCorpus.file("real-scans/vietsample2.tif");
        String chosen = TesseractCli.read(scan, Map.of("LD_LIBRARY_PATH", folder.toString()));
        String avx2 = TesseractCli.read(scan, Map.of("LD_LIBRARY_PATH", folder.toString(), "DOTPRODUCT", "avx2"));
        assertThat(chosen).contains("trăng");
        assertThat(chosen).isEqualTo(avx2);
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
