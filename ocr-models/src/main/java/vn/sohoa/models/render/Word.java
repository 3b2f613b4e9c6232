package vn.sohoa.models.render;

import java.util.Objects;

/** One drawn word and the box of its ink (tight pixel bounds of the glyphs as rasterised). */
public record Word(String text, PixelBox box) {

    public Word {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
    }
}
