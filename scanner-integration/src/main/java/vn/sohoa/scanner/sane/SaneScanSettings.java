package vn.sohoa.scanner.sane;

import java.util.Objects;

/**
 * How to scan with a SANE device.
 *
 * @param resolution dpi
 * @param widthMm scan area width from the top-left corner, cut down to what the device can scan
 * @param heightMm scan area height, likewise
 */
public record SaneScanSettings(int resolution, Mode mode, Source source, double widthMm, double heightMm) {

    public static final double A4_WIDTH_MM = 210;
    public static final double A4_HEIGHT_MM = 297;

    public SaneScanSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        if (resolution <= 0 || widthMm <= 0 || heightMm <= 0) {
            throw new IllegalArgumentException("Resolution and scan area must be positive, got " + resolution + " dpi and "
                    + widthMm + " x " + heightMm + " mm.");
        }
    }

    public static SaneScanSettings a4(int resolution, Mode mode, Source source) {
        return new SaneScanSettings(resolution, mode, source, A4_WIDTH_MM, A4_HEIGHT_MM);
    }

    /** Colour modes; each backend names them its own way, {@link OpenSaneDevice} finds the match. */
    public enum Mode { COLOR, GRAY, LINEART }

    /** Paper sources; {@code FEEDER_DUPLEX} scans both sides of each sheet. */
    public enum Source { FLATBED, FEEDER, FEEDER_DUPLEX }
}
