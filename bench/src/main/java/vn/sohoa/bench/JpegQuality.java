package vn.sohoa.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.sohoa.models.eval.CharacterErrorRate;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.PageReader;
import vn.sohoa.pipeline.PageReading;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.TesseractEngine;
import vn.sohoa.pipeline.pdf.ArchivalMetadata;
import vn.sohoa.pipeline.pdf.PageImageEncoder;
import vn.sohoa.pipeline.pdf.PdfMetadata;
import vn.sohoa.pipeline.pdf.PdfPage;
import vn.sohoa.pipeline.pdf.SearchablePdfWriter;

/**
 * How legible the archive copy stays at each JPEG quality: every grey and colour benchmark page is written
 * as SoHoa's PDF with its image compressed at the quality (never its stored bytes), the PDF rendered back
 * at the page's resolution and read again by SoHoa's page path; the CER of that second reading against the
 * ground truth, beside the CER of reading the scan itself and the PDF's size, tells how much a quality
 * loses. {@code bench/run --jpeg-quality [--pages 16] [--qualities 0.4,0.5,0.55,0.65,0.75]}.
 */
public final class JpegQuality {

    private JpegQuality() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        List<Float> qualities = new ArrayList<>();
        for (String q : options.get("qualities", "0.4,0.5,0.55,0.6,0.65,0.75").split(",")) {
            qualities.add(Float.parseFloat(q));
        }
        List<BenchPage> set = options.set();
        DigitizerSettings settings = DigitizerSettings.defaults();
        ScanDecoder decoder = new ScanDecoder(settings.limits());
        PageReader reader = new PageReader(settings);
        PdfMetadata metadata = new PdfMetadata(new ArchivalMetadata("bench", null, null, null, null, null, 1,
                null, null, null, null, null, "bench"), OffsetDateTime.now());

        int n = qualities.size();
        long[] bytes = new long[n];
        long[] edits = new long[n];
        long scanEdits = 0;
        long chars = 0;
        int pages = 0;
        try (TesseractEngine engine = new TesseractEngine(settings.ocr())) {
            for (BenchPage page : set) {
                PageImage image = decoder.decode(page.file()).get(0);
                if (image.image().getType() == BufferedImage.TYPE_BYTE_BINARY) {
                    continue; // bilevel pages are stored losslessly (CCITT G4)
                }
                pages++;
                String truth = page.groundTruth();
                chars += truth.length();
                PageReading scan = reader.read(engine, image);
                scanEdits += edits(truth, scan.ocr().text());
                StringBuilder line = new StringBuilder(page.name()).append(String.format(Locale.ROOT, " scan %.2f %%",
                        100.0 * CharacterErrorRate.orderIndependent(truth, scan.ocr().text())));
                for (int k = 0; k < n; k++) {
                    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                    new SearchablePdfWriter(new PageImageEncoder(qualities.get(k))).write(List.of(
                            new PdfPage(image.image(), scan.dpi(), scan.geometry(), scan.ocr())), metadata, pdf);
                    bytes[k] += pdf.size();
                    BufferedImage shown;
                    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
                        // rendered as the scan was: grey pages take cleanup's grey path, not its colour one
                        shown = new PDFRenderer(doc).renderImageWithDPI(0, scan.dpi(),
                                image.image().getColorModel().getNumColorComponents() == 1 ? ImageType.GRAY : ImageType.RGB);
                    }
                    PageReading again = reader.read(engine, new PageImage(1, shown, scan.dpi(), true));
                    long e = edits(truth, again.ocr().text());
                    edits[k] += e;
                    line.append(String.format(Locale.ROOT, " | q%.2f %.2f %% %d KB", qualities.get(k),
                            100.0 * e / truth.length(), pdf.size() / 1024));
                }
                System.err.println(line);
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%d grey and colour pages; CER of reading the archive copy rendered back, against reading the scan%n%n", pages));
        table.append("| JPEG quality | PDF size/page | CER of the copy | CER of the scan |\n| ---: | ---: | ---: | ---: |\n");
        for (int k = 0; k < n; k++) {
            table.append(String.format(Locale.ROOT, "| %.2f | %.0f KB | %.2f %% | %.2f %% |%n", qualities.get(k),
                    bytes[k] / 1024.0 / pages, 100.0 * edits[k] / chars, 100.0 * scanEdits / chars));
        }
        System.out.println(table);
    }

    private static long edits(String truth, String text) {
        return Math.round(CharacterErrorRate.orderIndependent(truth, text) * truth.length());
    }
}
