package vn.sohoa.pipeline.intake;

/** What a scanned file is before any pixel is decoded: its format and how many pages it holds. */
public record ScanOutline(ScanFormat format, int pages) {
}
