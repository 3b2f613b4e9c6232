package vn.sohoa.pipeline.ocr;

import java.util.List;
import java.util.stream.Collectors;

/** What OCR read on one page: lines of words with boxes and confidences, in reading order. */
public record OcrPage(int number, int width, int height, float dpi, List<OcrLine> lines, boolean readUpright) {

    public OcrPage {
        lines = List.copyOf(lines);
    }

    /** Words read as upright text. */
    public OcrPage(int number, int width, int height, float dpi, List<OcrLine> lines) {
        this(number, width, height, dpi, lines, true);
    }

    /**
     * What was read on a smaller copy of the page, in the pixels of the page itself ({@code width} by
     * {@code height} at {@code pageDpi}).
     */
    public OcrPage onPage(int pageWidth, int pageHeight, float pageDpi) {
        if (pageWidth == width && pageHeight == height) {
            return this;
        }
        double factor = (double) pageWidth / width;
        List<OcrLine> scaled = lines.stream().map(line -> new OcrLine(line.words().stream()
                .map(w -> w.withBox(w.box().scaled(factor))).toList(),
                line.box().scaled(factor))).toList();
        return new OcrPage(number, pageWidth, pageHeight, pageDpi, scaled, readUpright);
    }

    public String text() {
        return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
    }

    public List<OcrWord> words() {
        return lines.stream().flatMap(l -> l.words().stream()).toList();
    }

    /** Mean word confidence, 0 to 100; 0 for a page without words. */
    public float meanConfidence() {
        return (float) words().stream().mapToDouble(OcrWord::confidence).average().orElse(0);
    }
}
