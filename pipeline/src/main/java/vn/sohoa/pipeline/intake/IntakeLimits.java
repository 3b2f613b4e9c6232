package vn.sohoa.pipeline.intake;

/**
 * Limits that keep a bad or hostile file from exhausting memory: the largest file accepted, the most pages
 * per file, and the most pixels per decoded page.
 */
public record IntakeLimits(long maxFileBytes, int maxPages, long maxPixelsPerPage) {

    /**
     * 200 MB, 500 pages, 50 megapixels a page: an A4 page at 600 dpi is 35 Mpx, an A3 page at 400 dpi 31 Mpx.
     * A 50 Mpx colour page takes about 200 MB while it is cleaned, so two OCR threads fit in a 2 GB heap.
     */
    public static final IntakeLimits DEFAULT = new IntakeLimits(200L << 20, 500, 50_000_000L);
}
