package vn.sohoa.pipeline.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.sohoa.pipeline.ocr.Box;

/**
 * One extracted field: its stable name, its value normalized for machines (ISO dates, "1437/QĐ-UBND",
 * 12 digits for a personal ID), a confidence from 0 to 1 that combines OCR confidence and validation, the
 * page it was read on and the boxes of the words it was read from (page pixels), so a reviewer can see them.
 */
public record Field(String name, String value, double confidence, int page, List<Box> boxes) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence of " + name + " must be within 0..1, was " + confidence);
        }
        boxes = List.copyOf(boxes);
    }

    /** A field without word boxes (read from somewhere that has none). */
    public Field(String name, String value, double confidence, int page) {
        this(name, value, confidence, page, List.of());
    }

    /** The smallest box holding all the words the value was read from; empty when there are none. */
    public Optional<Box> region() {
        return boxes.stream().reduce(Box::union);
    }

    public Field withConfidence(double newConfidence) {
        return new Field(name, value, newConfidence, page, boxes);
    }
}
