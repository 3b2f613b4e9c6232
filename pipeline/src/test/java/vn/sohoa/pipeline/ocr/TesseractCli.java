package vn.sohoa.pipeline.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The system's tesseract CLI reading a scan as text (vie, one OpenMP thread), in an environment of the test's. */
final class TesseractCli {

    private TesseractCli() {
    }

    static String read(Path scan, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("tesseract", scan.toString(), "-", "-l", "vie")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("LD_PRELOAD");
        builder.environment().remove("LD_LIBRARY_PATH");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return text;
    }
}
