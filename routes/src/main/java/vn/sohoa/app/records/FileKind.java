package vn.sohoa.app.records;

import java.util.Locale;
import java.util.Map;

/** The files kept for a document: the original as it arrived, and the archival PDF/A made from it. */
public enum FileKind {
    ORIGINAL, PDF;

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "tif", "image/tiff", "tiff", "image/tiff");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The media type told from the name's extension; the content decides the format elsewhere. */
    public String mediaType(String name) {
        if (this == PDF) {
            return "application/pdf";
        }
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** giay-to.png gives giay-to.pdf. */
    public static String pdfName(String originalName) {
        int dot = originalName.lastIndexOf('.');
        return (dot > 0 ? originalName.substring(0, dot) : originalName) + ".pdf";
    }
}
