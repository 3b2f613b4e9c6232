package vn.sohoa.scanner.escl;

/**
 * One document as the device sent it from {@code NextDocument}: a page image for JPEG, or a PDF
 * (one page or the whole batch, as the device chooses).
 *
 * @param sequence 1 for the first document of the job, then 2, 3, ...
 */
public record ScannedDocument(int sequence, String contentType, byte[] bytes) {
}
