package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import vn.sohoa.models.render.Degradation;
import vn.sohoa.models.render.PageRenderer;
import vn.sohoa.models.render.RenderedDocument;
import vn.sohoa.models.render.SyntheticDocumentGenerator;
import vn.sohoa.pipeline.ocr.GreyImages;

/** Rendered one-page quyết định for cleanup tests, as a scanner would give them. */
final class RenderedScans {

    private RenderedScans() {
    }

    static RenderedDocument quyetDinh(int dpi) {
        return new PageRenderer(dpi).render(SyntheticDocumentGenerator.generate(11).withBodyLimitedTo(1200));
    }

    static BufferedImage grey(int dpi, Degradation degradation) {
        BufferedImage page = quyetDinh(dpi).pages().get(0).image();
        return GreyImages.toGrey(degradation == null ? page : degradation.apply(page));
    }

    /** Number of pixels darker than 128 inside the given rectangle. */
    static int darkPixels(BufferedImage grey, int x0, int y0, int x1, int y1) {
        int dark = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (grey.getRaster().getSample(x, y, 0) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
