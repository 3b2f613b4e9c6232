package vn.sohoa.bench;

import java.nio.file.Path;

/**
 * One image file of the benchmark set with its ground truth: {@code variant} names the degradation recipe,
 * {@code uprightTurn} the clockwise turn that makes the page upright again (0 when it was not turned).
 */
public record BenchPage(Path file, String groundTruth, String variant, int dpi, int uprightTurn) {

    public String name() {
        return file.getFileName().toString();
    }
}
