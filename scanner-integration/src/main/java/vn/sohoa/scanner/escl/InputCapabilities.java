package vn.sohoa.scanner.escl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;

/**
 * What one input source of an eSCL scanner offers.
 *
 * @param maxWidth widest scan region, in 1/300 inch (A4 is 2480)
 * @param maxHeight tallest scan region, in 1/300 inch (A4 is 3508)
 * @param resolutions offered resolutions in dpi, ascending (a device's range is given as the usual
 *     document resolutions inside it)
 */
public record InputCapabilities(InputSource source, int maxWidth, int maxHeight, List<ColorMode> colorModes,
        List<String> documentFormats, List<Integer> resolutions) {

    private static final List<Integer> USUAL_RESOLUTIONS = List.of(75, 100, 150, 200, 240, 300, 400, 600, 1200);

    public InputCapabilities {
        colorModes = List.copyOf(colorModes);
        documentFormats = List.copyOf(documentFormats);
        resolutions = List.copyOf(resolutions);
    }

    /** Reads a {@code scan:PlatenInputCaps}, {@code scan:AdfSimplexInputCaps} or similar element. */
    static InputCapabilities read(InputSource source, Element caps) {
        Set<ColorMode> modes = new LinkedHashSet<>();
        Set<String> formats = new LinkedHashSet<>();
        Set<Integer> resolutions = new TreeSet<>();
        for (Element mode : EsclXml.descendants(caps, "ColorMode")) {
            ColorMode.fromEscl(mode.getTextContent().strip()).ifPresent(modes::add);
        }
        for (String name : List.of("DocumentFormat", "DocumentFormatExt")) {
            for (Element format : EsclXml.descendants(caps, name)) {
                formats.add(format.getTextContent().strip());
            }
        }
        for (Element discrete : EsclXml.descendants(caps, "DiscreteResolution")) {
            EsclXml.integer(discrete, "XResolution").ifPresent(resolutions::add);
        }
        for (Element range : EsclXml.descendants(caps, "XResolutionRange")) {
            int min = EsclXml.integer(range, "Min").orElse(0);
            int max = EsclXml.integer(range, "Max").orElse(0);
            USUAL_RESOLUTIONS.stream().filter(dpi -> dpi >= min && dpi <= max).forEach(resolutions::add);
        }
        return new InputCapabilities(source, EsclXml.integer(caps, "MaxWidth").orElse(0),
                EsclXml.integer(caps, "MaxHeight").orElse(0), List.copyOf(modes), List.copyOf(formats),
                List.copyOf(resolutions));
    }
}
