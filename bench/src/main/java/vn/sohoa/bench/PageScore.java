package vn.sohoa.bench;

/**
 * How well one contender did on one page: order-independent character error rate and word accuracy of the
 * PDF's text layer against the ground truth, and the PDF's size. A page without a PDF scores CER 1.
 */
public record PageScore(BenchPage page, double cer, double wordAccuracy, long pdfBytes) {

    /** Ground-truth length in code points, the weight of this page in a set's CER. */
    public int truthLength() {
        return page.groundTruth().codePointCount(0, page.groundTruth().length());
    }
}
