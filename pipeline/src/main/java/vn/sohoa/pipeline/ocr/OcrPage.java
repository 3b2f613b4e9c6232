package vn.sohoa.pipeline.ocr;

import java.util.List;
import java.util.stream.Collectors;

/** What OCR read on one page: lines of words with boxes and confidences, in reading order. */
public record OcrPage(int number, int width, int height, float dpi, List<OcrLine> lines) {

    public OcrPage {
        lines = List.copyOf(lines);
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
