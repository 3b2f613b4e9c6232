package vn.sohoa.pipeline.pdf;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the archive copy says about itself: title, subject (trích yếu), author (issuing body), keywords,
 * creation time, and SoHoa's own properties (original SHA-256, dossier code, document type, ...) which are
 * written to the document information dictionary and, under the SoHoa namespace, to the XMP packet.
 */
public record PdfMetadata(String title, String subject, String author, String keywords,
                          OffsetDateTime created, Map<String, String> properties) {

    public PdfMetadata {
        properties = Map.copyOf(properties);
    }
}
