package vn.sohoa.scanner;

/** Paper jammed in the feeder; the pages delivered before the jam are good. */
public class PaperJamException extends ScannerException {

    private final int pagesScanned;

    public PaperJamException(String device, int pagesScanned) {
        super("Paper jammed in the feeder of " + device + " after " + pagesScanned + " page(s): open the feeder,"
                + " remove the jammed sheet and scan again from page " + (pagesScanned + 1) + ".");
        this.pagesScanned = pagesScanned;
    }

    /** How many pages came through before the jam (they were delivered and are kept). */
    public int pagesScanned() {
        return pagesScanned;
    }
}
