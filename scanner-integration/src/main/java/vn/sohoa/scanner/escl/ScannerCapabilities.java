package vn.sohoa.scanner.escl;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What an eSCL scanner says it can do ({@code GET /eSCL/ScannerCapabilities}).
 *
 * @param makeAndModel e.g. "Brother MFL-L2750DW"
 * @param serialNumber empty when the device does not say
 * @param inputs the glass and/or the feeder, with what each offers
 * @param duplex whether the feeder scans both sides in one pass
 */
public record ScannerCapabilities(String makeAndModel, String serialNumber, Map<InputSource, InputCapabilities> inputs,
        boolean duplex) {

    public ScannerCapabilities {
        inputs = Map.copyOf(inputs);
    }

    public Optional<InputCapabilities> input(InputSource source) {
        return Optional.ofNullable(inputs.get(source));
    }

    static ScannerCapabilities parse(byte[] xml) throws IOException {
        Element root = EsclXml.root(xml, "capabilities");
        if (!"ScannerCapabilities".equals(root.getLocalName())) {
            throw new IOException("The scanner answered the capabilities request with <" + root.getLocalName()
                    + "> instead of <ScannerCapabilities>: is this an eSCL address?");
        }
        Map<InputSource, InputCapabilities> inputs = new EnumMap<>(InputSource.class);
        EsclXml.child(root, "Platen").flatMap(platen -> EsclXml.child(platen, "PlatenInputCaps"))
                .ifPresent(caps -> inputs.put(InputSource.PLATEN, InputCapabilities.read(InputSource.PLATEN, caps)));
        Optional<Element> adf = EsclXml.child(root, "Adf");
        adf.flatMap(feeder -> EsclXml.child(feeder, "AdfSimplexInputCaps"))
                .ifPresent(caps -> inputs.put(InputSource.FEEDER, InputCapabilities.read(InputSource.FEEDER, caps)));
        boolean duplex = adf.map(feeder -> EsclXml.child(feeder, "AdfDuplexInputCaps").isPresent()
                || EsclXml.descendants(feeder, "AdfOption").stream()
                        .anyMatch(option -> option.getTextContent().strip().equals("Duplex")))
                .orElse(false);
        return new ScannerCapabilities(EsclXml.text(root, "MakeAndModel").orElse("eSCL scanner"),
                EsclXml.text(root, "SerialNumber").orElse(""), inputs, duplex);
    }
}
