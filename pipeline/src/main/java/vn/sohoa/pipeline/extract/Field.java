package vn.sohoa.pipeline.extract;

/**
 * One extracted field: its stable name, its value normalized for machines (ISO dates, "1437/QĐ-UBND"),
 * a confidence from 0 to 1 that combines OCR confidence and validation, and the page it was read on.
 */
public record Field(String name, String value, double confidence, int page) {
}
