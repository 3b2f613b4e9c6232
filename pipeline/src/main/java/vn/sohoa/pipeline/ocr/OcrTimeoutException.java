package vn.sohoa.pipeline.ocr;

import java.time.Duration;

/** Tesseract gave up on a page at the time limit it was given (its ETEXT_DESC deadline). */
public final class OcrTimeoutException extends RuntimeException {

    private final int pageNumber;
    private final Duration limit;

    public OcrTimeoutException(int pageNumber, Duration limit) {
        super("page " + pageNumber + " was not read within the OCR time limit of " + limit.toMillis() + " ms");
        this.pageNumber = pageNumber;
        this.limit = limit;
    }

    public int pageNumber() {
        return pageNumber;
    }

    public Duration limit() {
        return limit;
    }
}
