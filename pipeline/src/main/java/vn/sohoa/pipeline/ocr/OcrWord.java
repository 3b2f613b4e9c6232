package vn.sohoa.pipeline.ocr;

import java.util.List;

/**
 * A recognized word with its box on the page and Tesseract's confidence, 0 to 100; {@code symbols} holds the
 * alternatives for each of its symbols when the engine was asked for them ({@link OcrSettings#withSymbolChoices}),
 * else nothing.
 */
public record OcrWord(String text, Box box, float confidence, List<SymbolChoices> symbols) {

    public OcrWord {
        symbols = List.copyOf(symbols);
    }

    /** A word without symbol alternatives. */
    public OcrWord(String text, Box box, float confidence) {
        this(text, box, confidence, List.of());
    }

    /** This word in another box (the same word on a scaled page). */
    public OcrWord withBox(Box newBox) {
        return new OcrWord(text, newBox, confidence, symbols);
    }
}
