package vn.sohoa.models.render;

/** Image file formats of an evaluation set, with their file extension. */
public enum ScanFormat {
    PNG("png"),
    JPEG("jpg"),
    /** Multi-page TIFF: CCITT T.6 (G4) for bilevel pages when the JDK writer offers it, LZW otherwise. */
    TIFF("tif");

    private final String extension;

    ScanFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
