package vn.sohoa.pipeline.pdf;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * What the archive copy says about itself: the document's archival metadata and when the copy was made
 * (to the second, as PDF dates have no finer unit).
 */
public record PdfMetadata(ArchivalMetadata document, OffsetDateTime created) {

    public PdfMetadata {
        if (document == null || created == null) {
            throw new IllegalArgumentException("PDF metadata needs the document's metadata and a creation time");
        }
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Keywords for search: the type name, the số ký hiệu and the dossier code, those that are known. */
    public String keywords() {
        StringBuilder out = new StringBuilder();
        for (Object part : new Object[] {document.typeName(), document.code(), document.dossierCode()}) {
            if (part != null) {
                out.append(out.isEmpty() ? "" : ", ").append(part);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
