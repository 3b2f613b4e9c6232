package vn.sohoa.models.render;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What is written on one rendered page, in reading order: the header's left column, then its right column,
 * then title, subject, body and signature block (page numbers, from page 2, come first). Seals and signatures
 * are drawn but are not text, so they are not here. Boxes are in the pixels of the undegraded page.
 */
public record PageGroundTruth(List<TextLine> lines) {

    public PageGroundTruth {
        lines = List.copyOf(lines);
    }

    /** The lines as rendered, joined by "\n" (no trailing newline). */
    public String text() {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }

    /** All words of the page, in reading order. */
    public List<Word> words() {
        return lines.stream().flatMap(line -> line.words().stream()).toList();
    }
}
