package vn.sohoa.pipeline.ocr;

import java.util.List;
import java.util.stream.Collectors;

/** A text line in reading order, its words left to right. */
public record OcrLine(List<OcrWord> words, Box box) {

    public OcrLine {
        words = List.copyOf(words);
    }

    public String text() {
        return words.stream().map(OcrWord::text).collect(Collectors.joining(" "));
    }
}
