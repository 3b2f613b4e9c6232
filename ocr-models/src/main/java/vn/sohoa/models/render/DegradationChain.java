package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;

/** Degradations applied one after the other. */
public record DegradationChain(List<Degradation> steps) implements Degradation {

    public DegradationChain {
        steps = List.copyOf(steps);
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage result = image;
        for (Degradation step : steps) {
            result = step.apply(result);
        }
        return result;
    }

    @Override
    public String name() {
        return steps.stream().map(Degradation::name).collect(Collectors.joining(","));
    }
}
