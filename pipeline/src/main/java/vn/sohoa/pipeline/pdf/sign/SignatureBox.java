package vn.sohoa.pipeline.pdf.sign;

/**
 * Where a visible signature goes, as the office chooses: a page (1 for the first) and a rectangle in PDF
 * points (1/72 inch) from the page's lower left corner.
 */
public record SignatureBox(int page, float x, float y, float width, float height) {

    public SignatureBox {
        if (page < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a visible signature needs a page from 1 and a positive size, got page "
                    + page + ", " + width + "x" + height + " pt");
        }
    }

    /** 180 x 60 pt at the bottom right of an A4 page, where the signature block of a decision usually is. */
    public static SignatureBox bottomRight(int page) {
        return new SignatureBox(page, 595 - 36 - 180, 36, 180, 60);
    }
}
