package vn.sohoa.pipeline.extract;

import java.util.ArrayList;
import java.util.List;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrWord;

/**
 * An OCR line as text whose characters can be traced back to words: {@link #text()} joins the words with
 * single spaces, and a stretch of it gives the boxes and the OCR confidence of the words it covers.
 */
public record LineText(int page, List<OcrWord> words) {

    public LineText {
        words = List.copyOf(words);
    }

    public static LineText of(int page, OcrLine line) {
        return new LineText(page, line.words());
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (OcrWord word : words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.text());
        }
        return out.toString();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The words that have a character in [{@code start}, {@code end}) of {@link #text()}. */
    public List<OcrWord> wordsIn(int start, int end) {
        List<OcrWord> covered = new ArrayList<>();
        int at = 0;
        for (OcrWord word : words) {
            int wordEnd = at + word.text().length();
            if (wordEnd > start && at < end) {
                covered.add(word);
            }
            at = wordEnd + 1;
        }
        return covered;
    }

    public List<Box> boxes(int start, int end) {
        return wordsIn(start, end).stream().map(OcrWord::box).toList();
    }

    /** Mean OCR confidence (0 to 1) of the words in the stretch; 0 when it covers none. */
    public double confidence(int start, int end) {
        return wordsIn(start, end).stream().mapToDouble(w -> w.confidence() / 100.0).average().orElse(0);
    }

    /** The lowest OCR confidence (0 to 1) among the words of the stretch: one misread word makes a wrong value. */
    public double weakest(int start, int end) {
        return wordsIn(start, end).stream().mapToDouble(w -> w.confidence() / 100.0).min().orElse(0);
    }

    public double confidence() {
        return confidence(0, Integer.MAX_VALUE);
    }

    /** Only the words whose centre is left of {@code x}. */
    public LineText leftOf(int x) {
        return new LineText(page, words.stream().filter(w -> (w.box().left() + w.box().right()) / 2 < x).toList());
    }

    /** Only the words whose centre is at or right of {@code x}. */
    public LineText rightOf(int x) {
        return new LineText(page, words.stream().filter(w -> (w.box().left() + w.box().right()) / 2 >= x).toList());
    }

    /** The union of the word boxes; null for an empty line. */
    public Box box() {
        return words.stream().map(OcrWord::box).reduce(Box::union).orElse(null);
    }

    /** Whether most letters are capitals, as in a title or an issuer line. */
    public boolean isCapitals() {
        String text = text();
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 2 && upper >= letters * 0.85;
    }

    /** A field read from the stretch [{@code start}, {@code end}) with the given value and confidence. */
    public Field field(String name, String value, double confidence, int start, int end) {
        return new Field(name, value, Math.max(0, Math.min(1, confidence)), page, boxes(start, end));
    }
}
