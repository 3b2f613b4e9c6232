package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * Denoising of salt-and-pepper scans: dark specks (dust, toner, the noise of a bilevel scan) smaller than
 * a diacritic's dot are painted white. At 300 dpi a dot of 13-point text covers about 16 pixels; specks of
 * up to {@code (dpi / 150)^2} pixels go, which is 4 at 300 dpi and 1 at 150 dpi.
 */
public final class SpeckleRemoval {

    static final int DARK = 128;

    public record Result(BufferedImage grey, int specks) {
    }

    public Result apply(BufferedImage grey, float dpi) {
        try (DarkComponents components = DarkComponents.of(grey, DARK)) {
            return apply(grey, dpi, components, new boolean[components.count()]);
        }
    }

    /**
     * The same on regions labelled already (below {@link #DARK}, or below a higher threshold when no pixel
     * lies between the two: {@link DarkComponents#noneBetween}); those marked in {@code erased} are white in
     * {@code grey} already and are not counted again.
     */
    Result apply(BufferedImage grey, float dpi, DarkComponents components, boolean[] erased) {
        int maxArea = Math.max(1, Math.round((dpi / 150f) * (dpi / 150f)));
        boolean[] erase = new boolean[components.count()];
        int specks = 0;
        for (int i = 1; i < components.count(); i++) {
            if (!erased[i] && components.get(i).area() <= maxArea) {
                erase[i] = true;
                specks++;
            }
        }
        return specks == 0 ? new Result(grey, 0) : new Result(components.erase(grey, erase), specks);
    }
}
