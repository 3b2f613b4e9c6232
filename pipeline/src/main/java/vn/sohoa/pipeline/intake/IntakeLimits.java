package vn.sohoa.pipeline.intake;

import java.time.Duration;

/**
 * Limits that keep a bad or hostile file from exhausting memory or time: the largest file accepted, the most
 * pages per file, the most pixels per decoded page, and the longest one page may take to decode or render.
 *
 * <p>The pixel limit counts pixels of up to 24 bits (8-bit colour); a deeper pixel (16-bit colour, alpha) counts
 * in proportion to its bits, because it takes that much more memory once decoded.
 */
public record IntakeLimits(long maxFileBytes, int maxPages, long maxPixelsPerPage, Duration maxDecodeTime) {

    /** The depth a pixel of the pixel limit has: deeper pixels count for more. */
    public static final int REFERENCE_BITS_PER_PIXEL = 24;

    /** Long enough for a 600 dpi colour page on a slow core, short enough that a hostile file is stopped soon. */
    public static final Duration DEFAULT_DECODE_TIME = Duration.ofSeconds(60);

    /**
     * 200 MB, 500 pages, 50 megapixels a page: an A4 page at 600 dpi is 35 Mpx, an A3 page at 400 dpi 31 Mpx.
     * A 50 Mpx colour page takes about 200 MB while it is cleaned, so two OCR threads fit in a 2 GB heap.
     */
    public static final IntakeLimits DEFAULT = new IntakeLimits(200L << 20, 500, 50_000_000L);

    public IntakeLimits {
        if (maxDecodeTime == null || maxDecodeTime.isNegative()) {
            throw new IllegalArgumentException("the decode time limit must be zero or more, not " + maxDecodeTime);
        }
    }

    public IntakeLimits(long maxFileBytes, int maxPages, long maxPixelsPerPage) {
        this(maxFileBytes, maxPages, maxPixelsPerPage, DEFAULT_DECODE_TIME);
    }

    public IntakeLimits withMaxDecodeTime(Duration limit) {
        return new IntakeLimits(maxFileBytes, maxPages, maxPixelsPerPage, limit);
    }

    /** Whether a decoded page of this size and depth would be over the pixel limit. */
    public boolean tooManyPixels(long width, long height, int bitsPerPixel) {
        long weighted = width * height * Math.max(bitsPerPixel, REFERENCE_BITS_PER_PIXEL);
        return weighted > maxPixelsPerPage * REFERENCE_BITS_PER_PIXEL;
    }
}
