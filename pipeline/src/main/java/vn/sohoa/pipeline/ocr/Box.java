package vn.sohoa.pipeline.ocr;

/** An axis-aligned rectangle in page pixels: left, top, right and bottom (exclusive). */
public record Box(int left, int top, int right, int bottom) {

    public int width() {
        return right - left;
    }

    public int height() {
        return bottom - top;
    }

    /** The same rectangle on a copy of the page {@code factor} times as large. */
    public Box scaled(double factor) {
        return new Box((int) Math.floor(left * factor), (int) Math.floor(top * factor),
                (int) Math.ceil(right * factor), (int) Math.ceil(bottom * factor));
    }

    public Box union(Box other) {
        return new Box(Math.min(left, other.left), Math.min(top, other.top),
                Math.max(right, other.right), Math.max(bottom, other.bottom));
    }
}
