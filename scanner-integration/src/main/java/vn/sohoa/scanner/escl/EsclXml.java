package vn.sohoa.scanner.escl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reading the XML that eSCL devices send. Elements are matched by local name, because devices differ
 * in prefixes and in which of the {@code scan:} and {@code pwg:} namespaces they put an element.
 * DOCTYPEs are refused (no external entities from a device on the network).
 */
final class EsclXml {

    static final String SCAN_NS = "http://schemas.hp.com/imaging/escl/2011/05/03";
    static final String PWG_NS = "http://www.pwg.org/schemas/2010/12/sm";

    private EsclXml() {
    }

    static Element root(byte[] xml, String what) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("The scanner sent " + what + " that is not readable XML: " + e.getMessage(), e);
        }
    }

    /** Child elements (direct) with this local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** Descendant elements at any depth with this local name. */
    static List<Element> descendants(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(element -> element.getTextContent().strip());
    }

    static Optional<Integer> integer(Element parent, String localName) {
        return text(parent, localName).flatMap(EsclXml::parseInt);
    }

    static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Escapes text for an XML element body. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
