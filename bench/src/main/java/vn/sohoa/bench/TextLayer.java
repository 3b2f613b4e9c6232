package vn.sohoa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The text a PDF viewer's search finds: {@code pdftotext PDF -}, the same reader for every contender. */
public final class TextLayer {

    private TextLayer() {
    }

    public static String of(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }
}
