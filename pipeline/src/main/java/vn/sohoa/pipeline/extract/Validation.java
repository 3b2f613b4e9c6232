package vn.sohoa.pipeline.extract;

/**
 * How well a field's value was checked, and how much that is worth in its confidence: the confidence is the
 * OCR confidence of its words times this factor, times {@link #REPAIR_FACTOR} when OCR errors were repaired.
 */
public enum Validation {
    /** Validated and confirmed by another field (a personal ID that agrees with the birth date). */
    CROSS_CHECKED(1.0),
    /** A structure that OCR noise rarely satisfies by chance: a check digit, a real date, a known abbreviation. */
    VALID(0.98),
    /** Free text of the expected shape (a name in title case, a known phrase). */
    PLAUSIBLE(0.9),
    /** Read where it was expected, with nothing to check it against. */
    UNCHECKED(0.8),
    /** Contradicted by another field. */
    CONTRADICTED(0.4);

    public static final double REPAIR_FACTOR = 0.95;

    private final double factor;

    Validation(double factor) {
        this.factor = factor;
    }

    /**
     * For free text of {@code words} words: each word beyond four is one more chance of a misread mark that no
     * check can catch, so the confidence drops by 1 % per word.
     */
    public double confidence(double ocrConfidence, boolean repaired, int words) {
        return confidence(ocrConfidence, repaired) * Math.pow(0.99, Math.max(0, words - 4));
    }

    public double confidence(double ocrConfidence, boolean repaired) {
        double value = ocrConfidence * factor * (repaired ? REPAIR_FACTOR : 1);
        return Math.max(0, Math.min(1, value));
    }
}
