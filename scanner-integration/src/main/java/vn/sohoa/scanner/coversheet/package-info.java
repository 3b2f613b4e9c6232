/**
 * Cover and separator sheets: {@link vn.sohoa.scanner.coversheet.CoverSheet} prints them,
 * {@link vn.sohoa.scanner.coversheet.SheetDetector} recognises them on scanned pages, and
 * {@link vn.sohoa.scanner.coversheet.BatchSplitter} cuts a long feeder batch into dossiers and
 * documents from what the detector found.
 */
package vn.sohoa.scanner.coversheet;
