package vn.sohoa.scanner.coversheet;

import java.util.Objects;

/** What one scanned page says about where it belongs in a batch. */
public sealed interface PageMarker {

    /** A page that starts a dossier. */
    record Cover(String dossierCode, CoverKind kind) implements PageMarker {
        public Cover {
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A separator sheet: a new document starts after it, in the same dossier. */
    record Separator() implements PageMarker {
    }

    /** A page of a document; {@code blank} when the caller's cleanup found it empty. */
    record Content(boolean blank) implements PageMarker {
    }

    static PageMarker content() {
        return new Content(false);
    }

    static PageMarker blank() {
        return new Content(true);
    }

    static PageMarker separator() {
        return new Separator();
    }

    static PageMarker coverSheet(String dossierCode) {
        return new Cover(dossierCode, CoverKind.COVER_SHEET);
    }

    static PageMarker receipt(String dossierCode) {
        return new Cover(dossierCode, CoverKind.RECEIPT);
    }

    /** How a page came to start a dossier. */
    enum CoverKind {
        /** A SoHoa cover sheet: only paper for the scanner, dropped from the dossier. */
        COVER_SHEET,
        /**
         * A page carrying a plain dossier-code QR code or barcode, such as the receipt ("Giấy tiếp nhận
         * hồ sơ và hẹn trả kết quả"): it starts the dossier and is kept as its first page.
         */
        RECEIPT
    }
}
