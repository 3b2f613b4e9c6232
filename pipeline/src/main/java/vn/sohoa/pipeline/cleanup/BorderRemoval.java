package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * Paints white the dark scanner borders (the lid or platen seen past the paper's edge) and punched filing
 * holes of a grey page, so that OCR does not read them as characters or lines. A border is a dark region
 * that touches the image edge and runs along at least a quarter of it; a hole is a round dark blob of 4 to
 * 9 mm within 25 mm of an edge. Text never touches the edge of a page with margins, and seals and
 * signatures are larger than holes and away from the edges.
 */
public final class BorderRemoval {

    /** Pixels darker than this can belong to a border or hole (their rims are anti-aliased grey). */
    static final int DARK = 140;

    /** What was removed: counts of border regions and holes. */
    public record Result(BufferedImage grey, int borders, int holes) {
    }

    public Result apply(BufferedImage grey, float dpi) {
        try (DarkComponents components = DarkComponents.of(grey, DARK)) {
            return apply(grey, dpi, components, new boolean[components.count()]);
        }
    }

    /**
     * The same on the page's regions below {@link #DARK}, already labelled; the regions painted white are
     * marked in {@code erase} (one flag a component), for a later stage using the same labels.
     */
    Result apply(BufferedImage grey, float dpi, DarkComponents components, boolean[] erase) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        double mm = dpi / 25.4;
        int borders = 0;
        int holes = 0;
        for (int i = 1; i < components.count(); i++) {
            DarkComponents.Component c = components.get(i);
            boolean touchesEdge = c.left() == 0 || c.top() == 0 || c.right() == w || c.bottom() == h;
            if (touchesEdge && (c.width() >= w / 4 || c.height() >= h / 4)) {
                erase[i] = true;
                borders++;
            } else if (isHole(c, mm, w, h)) {
                erase[i] = true;
                holes++;
            }
        }
        return borders + holes == 0 ? new Result(grey, 0, 0) : new Result(components.erase(grey, erase), borders, holes);
    }

    private static boolean isHole(DarkComponents.Component c, double mm, int w, int h) {
        double size = Math.max(c.width(), c.height());
        if (size < 4 * mm || size > 9 * mm) {
            return false;
        }
        double aspect = (double) Math.min(c.width(), c.height()) / size;
        double fill = (double) c.area() / ((double) c.width() * c.height());
        double edge = 25 * mm;
        boolean nearEdge = c.left() < edge || c.top() < edge || c.right() > w - edge || c.bottom() > h - edge;
        // a filled circle covers pi/4 of its box
        return nearEdge && aspect > 0.8 && fill > 0.65 && fill < 0.9;
    }
}
