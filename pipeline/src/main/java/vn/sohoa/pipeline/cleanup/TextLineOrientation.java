package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The cardinal orientation of a page of Latin-script text (Vietnamese included) from the shape of its text
 * lines, without OCR: lines run along the axis whose projection profile is sharpest (at the best small tilt),
 * and the letters' tops are on the side where more ink stands beyond each line's x-height band: ascenders,
 * capitals and Vietnamese tone marks rise above it, only descenders and the dot below hang under it. A few
 * milliseconds a page where Tesseract's OSD takes a fifth of a second; its answer is used only when both
 * measures are clear ({@link Estimate#sure}), OSD decides the rest.
 */
public final class TextLineOrientation {

    /**
     * The clockwise rotation the page needs; {@code lineContrast} is how much sharper the profile is across
     * the chosen line direction than across the other one, {@code topContrast} how many times more ink
     * stands above the x-height bands than below them once turned, {@code coreShare} the median share of a
     * line's height its x-height band takes, {@code xHeightInches} the median height of those bands.
     */
    public record Estimate(int rotation, double lineContrast, double topContrast, double coreShare,
                           double xHeightInches) {

        /** Lines of Latin type, clearly along one axis, their tops clearly on one side. */
        public boolean sure() {
            return lineContrast >= MIN_LINE_CONTRAST && topContrast >= MIN_TOP_CONTRAST && coreShare >= MIN_CORE_SHARE;
        }
    }

    static final double MIN_LINE_CONTRAST = 2.0;
    static final double MIN_TOP_CONTRAST = 1.5;
    static final double MIN_CORE_SHARE = 0.35;

    /** Pages are looked at about this coarsely: x-height is still 8 pixels in 13 pt type. */
    private static final float SAMPLE_DPI = 100;

    public Optional<Estimate> estimate(BufferedImage grey, float dpi) {
        int step = Math.max(1, Math.round(dpi / SAMPLE_DPI));
        DarkPixels rows = DarkPixels.sample(grey, step);
        if (rows.count() < 500) {
            return Optional.empty();
        }
        DarkPixels columns = rows.transposed();
        double rowAngle = refine(rows);
        double columnAngle = refine(columns);
        double rowSharpness = rows.sharpness(rowAngle);
        double columnSharpness = columns.sharpness(columnAngle);
        boolean horizontal = rowSharpness >= columnSharpness;
        double lineContrast = horizontal ? rowSharpness / Math.max(1, columnSharpness)
                : columnSharpness / Math.max(1, rowSharpness);
        // ink above / below the x-height bands, in profile order (top to bottom, or left to right)
        Lines lines = lines(horizontal ? rows.profile(rowAngle) : columns.profile(columnAngle));
        boolean firstSideIsTop = lines.before() >= lines.after();
        double topContrast = (Math.max(lines.before(), lines.after()) + 1) / (Math.min(lines.before(), lines.after()) + 1);
        int rotation;
        if (horizontal) {
            rotation = firstSideIsTop ? 0 : 180;
        } else {
            // letters' tops to the left: the page was turned counter-clockwise, and is turned back clockwise
            rotation = firstSideIsTop ? 90 : 270;
        }
        return Optional.of(new Estimate(rotation, lineContrast, topContrast, lines.coreShare(),
                lines.coreHeight() * step / dpi));
    }

    private static double refine(DarkPixels dark) {
        double best = dark.sharpestAngle(-SkewEstimator.MAX_DEGREES, SkewEstimator.MAX_DEGREES, 0.5);
        return dark.sharpestAngle(best - 0.5, best + 0.5, 0.1);
    }

    /**
     * The text lines of a profile: ink before and after their x-height bands, and the median share of a
     * line's height its x-height band takes (about two thirds in Latin type; a thin headline in
     * Devanagari, whose letters hang below it, where this reading of tops and bottoms does not hold).
     */
    record Lines(double before, double after, double coreShare, double coreHeight) {
    }

    /**
     * A line is a run of rows above a tenth of the profile's typical line density; its x-height band the
     * rows of it at half its peak or more.
     */
    static Lines lines(int[] profile) {
        int[] sorted = Arrays.stream(profile).filter(c -> c > 0).sorted().toArray();
        if (sorted.length == 0) {
            return new Lines(0, 0, 0, 0);
        }
        int typical = sorted[(int) (sorted.length * 0.9)];
        int floor = Math.max(1, typical / 10);
        double before = 0;
        double after = 0;
        List<Double> shares = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        int r = 0;
        while (r < profile.length) {
            if (profile[r] < floor) {
                r++;
                continue;
            }
            int start = r;
            while (r < profile.length && profile[r] >= floor) {
                r++;
            }
            int end = r - 1;
            if (end - start + 1 < 4) {
                continue;
            }
            int peak = 0;
            for (int i = start; i <= end; i++) {
                peak = Math.max(peak, profile[i]);
            }
            int top = start;
            while (profile[top] * 2 < peak) {
                top++;
            }
            int bottom = end;
            while (profile[bottom] * 2 < peak) {
                bottom--;
            }
            for (int i = start; i < top; i++) {
                before += profile[i];
            }
            for (int i = bottom + 1; i <= end; i++) {
                after += profile[i];
            }
            shares.add((bottom - top + 1) / (double) (end - start + 1));
            heights.add(bottom - top + 1);
        }
        Collections.sort(shares);
        Collections.sort(heights);
        return new Lines(before, after, shares.isEmpty() ? 0 : shares.get(shares.size() / 2),
                heights.isEmpty() ? 0 : heights.get(heights.size() / 2));
    }
}
