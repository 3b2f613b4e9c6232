/**
 * Rendered Vietnamese administrative pages with exact ground truth, for OCR tests, benchmarks and evaluation sets.
 *
 * <p>The path: an {@link vn.sohoa.models.render.AdministrativeDocument} (from the legal-text corpus with
 * {@link vn.sohoa.models.render.CorpusDocumentParser}, or from a seed with
 * {@link vn.sohoa.models.render.SyntheticDocumentGenerator}) is drawn by
 * {@link vn.sohoa.models.render.PageRenderer} into a {@link vn.sohoa.models.render.RenderedDocument}: A4 pages
 * with, per page, the text in reading order and every word's pixel box. {@link vn.sohoa.models.render.Degradation}s
 * turn a page into what a scanner or phone would give; they never change the ground truth, whose boxes stay in
 * the undegraded page's coordinates. {@link vn.sohoa.models.render.EvaluationSetWriter} writes a reproducible set
 * of image files, ground truth and a JSON-lines manifest.
 *
 * <p>Reading order of the ground truth: page number (from page 2), header left column (issuer, "Số:", a công
 * văn's "V/v"), header right column (motto, place and date), type title, subject, body, signature block
 * (authority, title, name). Tesseract reads the two header columns row by row, so compare with an
 * order-insensitive measure where that matters.
 */
package vn.sohoa.models.render;
