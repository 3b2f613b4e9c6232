package vn.sohoa.pipeline.pdf;

import java.awt.image.BufferedImage;
import vn.sohoa.pipeline.ocr.OcrPage;

/** One page of the archive copy: the image shown and the words laid invisibly over it. */
public record PdfPage(BufferedImage image, float dpi, OcrPage text) {
}
