package vn.sohoa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.pipeline.RejectedScanException.Reason;

/**
 * Every input of the shared robustness corpus and the real Vietnamese scans ends either as a searchable PDF
 * with pages that show something, or as a refusal with a specific reason: never a crash or a silent blank.
 */
@Tag("e2e")
class RobustnessCorpusTest {

    /** Inputs that must be refused, and why. */
    private static final Map<String, Reason> REFUSED = Map.of(
            "invalid.pdf", Reason.BROKEN_PDF,
            "linn.txt", Reason.UNSUPPORTED_FORMAT);

    private static Digitizer digitizer;

    @TempDir
    Path out;

    @BeforeAll
    static void start() {
        digitizer = new Digitizer(DigitizerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        digitizer.close();
    }

    @Test
    void everyInputEndsAsAPdfOrASpecificRefusal() throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String dir : List.of("robustness/ocrmypdf", "robustness/tesseract", "real-scans")) {
            try (Stream<Path> files = Files.list(SharedCorpus.file(dir))) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().matches("SOURCE\\.md|.*\\.(uzn|gold\\.txt)$")
                                && !(f.getFileName().toString().endsWith(".txt") && !REFUSED.containsKey(f.getFileName().toString())))
                        .sorted().forEach(inputs::add);
            }
        }
        assertThat(inputs).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            Path pdf = out.resolve(name + ".pdf");
            try {
                DigitizedDocument result = digitizer.digitize(Scan.of(input), pdf);
                if (REFUSED.containsKey(name)) {
                    problems.add(name + ": accepted, but should be refused as " + REFUSED.get(name));
                } else if (result.pageCount() == 0
                        || !showsSomething(pdf) && (!name.endsWith(".pdf") || showsSomething(input))) {
                    problems.add(name + ": the PDF's first page is blank but the scan's is not");
                }
            } catch (RejectedScanException e) {
                if (e.reason() != REFUSED.get(name)) {
                    problems.add(name + ": refused as " + e.reason() + " (" + e.getMessage() + ")");
                }
                assertThat(e.getMessage()).as(name).isNotBlank();
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** The first page, rendered about 300 pixels tall, has both dark and light pixels. */
    private static boolean showsSomething(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            var box = document.getPage(0).getCropBox();
            float dpi = 300f * 72f / Math.max(box.getWidth(), box.getHeight());
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true); // hugemono.pdf's 35,000-pixel image, shown 300 pixels tall
            BufferedImage page = renderer.renderImageWithDPI(0, dpi);
            int min = 255;
            int max = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int grey = page.getRaster().getSample(x, y, 0);
                    min = Math.min(min, grey);
                    max = Math.max(max, grey);
                }
            }
            return max - min > 60;
        }
    }
}
