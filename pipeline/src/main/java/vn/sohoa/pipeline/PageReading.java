package vn.sohoa.pipeline;

import vn.sohoa.pipeline.DigitizedDocument.PageNote;
import vn.sohoa.pipeline.cleanup.PageGeometry;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * What cleanup and OCR found on one page, without its pixels: the resolution used, the clockwise cardinal
 * rotation and the skew removed, whether it is blank, and the words in the coordinates of the page turned
 * upright and straightened. Small enough to travel between processes; the archive PDF is assembled from it
 * and the page's original image.
 */
public record PageReading(int number, float dpi, int rotation, double skewDegrees, boolean blank, OcrPage ocr) {

    /** How cleanup turned the page upright: the archive copy shows the original turned the same way. */
    public PageGeometry geometry() {
        return new PageGeometry(rotation, skewDegrees);
    }

    public PageNote note() {
        return new PageNote(number, rotation, skewDegrees, blank, dpi);
    }
}
