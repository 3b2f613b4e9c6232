package vn.sohoa.pipeline.ocr;

import java.util.List;

/**
 * Tesseract's alternatives for one symbol (letter) of a word, best first, each with its confidence, 0 to 100
 * (ChoiceIterator's): the LSTM decoder's best path and the decodings run again with the symbols chosen before
 * excluded ({@link OcrSettings#withSymbolChoices}). The first is usually the letter read; the tone mark a
 * word was misread by is often a later one.
 */
public record SymbolChoices(List<Choice> choices) {

    public SymbolChoices {
        choices = List.copyOf(choices);
    }

    /** One alternative: its text (one letter with its marks for vie) and confidence. */
    public record Choice(String text, float confidence) {
    }
}
