package vn.sohoa.models.render;

/** An axis-aligned box in page pixels, origin top-left, {@code x + width} exclusive. */
public record PixelBox(int x, int y, int width, int height) {

    public PixelBox {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    /** The smallest box holding both. */
    public PixelBox union(PixelBox other) {
        int left = Math.min(x, other.x);
        int top = Math.min(y, other.y);
        return new PixelBox(left, top, Math.max(right(), other.right()) - left, Math.max(bottom(), other.bottom()) - top);
    }

    /** Whether this box lies entirely inside a {@code pageWidth} x {@code pageHeight} page. */
    public boolean isInside(int pageWidth, int pageHeight) {
        return x >= 0 && y >= 0 && right() <= pageWidth && bottom() <= pageHeight;
    }
}
