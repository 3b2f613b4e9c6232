package vn.sohoa.pipeline.classify;

/** A document type as a stable code (quyet_dinh, cong_van, ..., khac) with the classifier's confidence, 0 to 1. */
public record DocumentType(String code, double confidence) {

    public static final String UNKNOWN = "khac";

    public static DocumentType unknown() {
        return new DocumentType(UNKNOWN, 0);
    }
}
