package vn.sohoa.pipeline.intake;

/**
 * Limits that keep a bad or hostile file from exhausting memory: the largest file accepted, the most pages
 * per file, and the most pixels per decoded page.
 */
public record IntakeLimits(long maxFileBytes, int maxPages, long maxPixelsPerPage) {

    /** 200 MB, 500 pages, 120 megapixels (an A3 page at 600 dpi is 70 Mpx). */
    public static final IntakeLimits DEFAULT = new IntakeLimits(200L << 20, 500, 120_000_000L);
}
