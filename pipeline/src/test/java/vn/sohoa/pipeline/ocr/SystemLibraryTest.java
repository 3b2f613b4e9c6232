package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * With {@code SOHOA_TESSERACT=system} (or without SoHoa's build) a JVM reads with the system's libtesseract,
 * its OpenMP regions running through the serial OpenMP library and its words read through words.cpp: checked in a
 * JVM of its own, since a process keeps the first libtesseract it loads.
 */
class SystemLibraryTest {

    @Test
    void aJvmAskingForTheSystemsLibraryReadsWithIt() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SystemLibraryTest.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("SOHOA_TESSERACT", "system");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        assertThat(out).contains("quick brown dog");
        String mapped = out.lines().filter(l -> l.startsWith("mapped: ")).findFirst().orElseThrow();
        assertThat(mapped).as("the system's library, not SoHoa's build").doesNotContain("sohoa")
                .contains("libtesseract.so.5");
        long regions = Long.parseLong(out.lines().filter(l -> l.startsWith("regions: ")).findFirst().orElseThrow()
                .substring("regions: ".length()));
        // the LSTM opens OpenMP regions for every time step: thousands on a page
        assertThat(regions).isGreaterThan(1000);
        assertThat(out).as("the words read in one call on the system's library too").contains("words in one call: true");
    }

    /** The child JVM: reads phototest and says which libtesseract it mapped and how many OpenMP regions ran. */
    public static void main(String[] args) throws Exception {
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT)
                .decode(SharedCorpus.file("robustness/tesseract/phototest.tif")).get(0);
        try (TesseractEngine engine = new TesseractEngine(OcrSettings.defaults().withLanguage("eng"))) {
            long before = SerialOpenMp.regionsOnThisThread().orElse(-1L);
            System.out.println(engine.recognize(1, page.image(), page.dpi()).text());
            System.out.println("regions: " + (SerialOpenMp.regionsOnThisThread().orElse(-1L) - before));
        }
        System.out.println("mapped: " + TesseractLibrary.mapped().map(Path::toString).orElse("none"));
        System.out.println("words in one call: " + TesseractWords.available());
    }
}
