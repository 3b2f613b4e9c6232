package vn.sohoa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.models.render.ScanFileWriter;
import vn.sohoa.models.render.ScanFormat;

/**
 * A long scan goes through {@link Digitizer#digitize} (the path of {@code sohoa ocr}) in a heap far smaller than
 * all its decoded pages: 60 pages of A4 at 300 dpi in grey, 8.7 MB each decoded (520 MB together), in a child JVM
 * with a 256 MB heap. The same heap holding every page at once runs out of memory, so the test fails if the
 * pages are decoded all at once again.
 */
class BoundedMemoryTest {

    private static final int PAGES = 60;
    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path dir;

    /** An A4 page at 300 dpi in grey, white but for a frame and a word, so cleanup has something to find. */
    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.drawRect(200, 200, 2080, 3108);
        g.dispose();
        return image;
    }

    /** A {@value #PAGES}-page LZW-compressed grey TIFF: the same page each time, so it is written from one image. */
    private Path longScan() throws IOException {
        Path tiff = dir.resolve("long-scan.tif");
        List<BufferedImage> pages = new ArrayList<>(Collections.nCopies(PAGES, page()));
        assertThat(ScanFileWriter.write(pages, 300, ScanFormat.TIFF, tiff)).isEqualTo("LZW");
        return tiff;
    }

    private record Run(int exit, String output) {
    }

    private Run child(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                BoundedMemoryRun.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve("child-" + args[0] + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not finish: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void aLongGreyScanIsDigitizedInAHeapSmallerThanItsDecodedPages() throws Exception {
        Path tiff = longScan();
        assertThat(Files.size(tiff)).as("compressed, the scan is small").isLessThan(20L << 20);
        Path pdf = dir.resolve("long-scan.pdf");

        Run streamed = child("digitize", tiff.toString(), pdf.toString());

        assertThat(streamed.exit()).as(streamed.output()).isZero();
        assertThat(streamed.output()).contains("digitized " + PAGES + " pages, " + PAGES + " decoded");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(PAGES);
        }

        Run allAtOnce = child("decode-all", tiff.toString());
        assertThat(allAtOnce.exit()).as("holding all pages at once runs out of " + HEAP).isNotZero();
        assertThat(allAtOnce.output()).contains("OutOfMemoryError");
    }
}
