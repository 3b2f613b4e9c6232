package vn.sohoa.scanner.escl;

import java.util.Optional;

/** eSCL colour modes SoHoa scans with. */
public enum ColorMode {
    /** 1-bit black and white: smallest files, fine for clean typed pages, loses red seals and blue ink. */
    BLACK_AND_WHITE("BlackAndWhite1"),
    GRAYSCALE("Grayscale8"),
    /** Keeps red seals and blue signatures for the archive copy. */
    COLOR("RGB24");

    private final String esclName;

    ColorMode(String esclName) {
        this.esclName = esclName;
    }

    public String esclName() {
        return esclName;
    }

    static Optional<ColorMode> fromEscl(String name) {
        for (ColorMode mode : values()) {
            if (mode.esclName.equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
