package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One rendered A4 page: a white, anti-aliased {@link BufferedImage#TYPE_INT_RGB} image at {@code dpi}, and
 * what is written on it. The image is not copied: treat it as read-only (degradations return new images).
 *
 * @param pageNumber  1-based page number within the document
 */
public record RenderedPage(int pageNumber, int dpi, BufferedImage image, PageGroundTruth groundTruth) {

    public RenderedPage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(groundTruth, "groundTruth");
    }
}
