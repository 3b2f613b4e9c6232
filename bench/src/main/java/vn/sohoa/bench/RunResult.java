package vn.sohoa.bench;

import java.util.List;

/** One contender's run over the whole set: wall-clock seconds and every page's score. */
public record RunResult(String contender, double seconds, List<PageScore> scores) {

    public RunResult {
        scores = List.copyOf(scores);
    }

    /** Character errors over ground-truth characters, all pages together. */
    public double cer() {
        return cer(scores);
    }

    static double cer(List<PageScore> pages) {
        double errors = pages.stream().mapToDouble(s -> s.cer() * s.truthLength()).sum();
        return errors / Math.max(1, pages.stream().mapToInt(PageScore::truthLength).sum());
    }

    /** Found ground-truth words over all ground-truth words (pages weighted equally). */
    public double wordAccuracy() {
        return scores.stream().mapToDouble(PageScore::wordAccuracy).average().orElse(0);
    }

    public double pagesPerMinute() {
        return scores.size() * 60 / seconds;
    }

    /** Pages whose text layer is under {@code cer} errors: upright and read. */
    public long pagesReadWell(double maxCer) {
        return scores.stream().filter(s -> s.cer() < maxCer).count();
    }

    public double kilobytesPerPage() {
        return scores.stream().mapToLong(PageScore::pdfBytes).sum() / 1024.0 / Math.max(1, scores.size());
    }
}
