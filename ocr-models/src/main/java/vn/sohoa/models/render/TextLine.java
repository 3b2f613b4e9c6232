package vn.sohoa.models.render;

import java.util.List;
import java.util.stream.Collectors;

/** One drawn line: its words left to right; its box is the union of the word boxes. */
public record TextLine(List<Word> words, PixelBox box) {

    public TextLine {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a text line needs at least one word");
        }
    }

    /** A line whose box is the union of its words' boxes. */
    public static TextLine of(List<Word> words) {
        PixelBox box = words.get(0).box();
        for (Word word : words) {
            box = box.union(word.box());
        }
        return new TextLine(words, box);
    }

    /** The words separated by single spaces, exactly as the ground-truth text has them. */
    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }
}
