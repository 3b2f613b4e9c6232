package vn.sohoa.pipeline.ocr;

/** A recognized word with its box on the page and Tesseract's confidence, 0 to 100. */
public record OcrWord(String text, Box box, float confidence) {
}
