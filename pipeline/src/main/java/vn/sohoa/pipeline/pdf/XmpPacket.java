package vn.sohoa.pipeline.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XMP metadata packet of an archive copy: Dublin Core (title, issuing body, trích yếu, language),
 * XMP basic and PDF properties matching the document information dictionary, the PDF/A-2B identification,
 * the {@link ArchivalProperty SoHoa properties}, and the PDF/A extension schema that describes them (PDF/A
 * allows no undescribed property).
 */
final class XmpPacket {

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String XMP = "http://ns.adobe.com/xap/1.0/";
    static final String PDF = "http://ns.adobe.com/pdf/1.3/";
    static final String PDFAID = "http://www.aiim.org/pdfa/ns/id/";
    static final String PDFA_EXTENSION = "http://www.aiim.org/pdfa/ns/extension/";
    static final String PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#";
    static final String PDFA_PROPERTY = "http://www.aiim.org/pdfa/ns/property#";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private final Document xml;
    private final Element rdf;

    private XmpPacket() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser to build the XMP packet: " + e.getMessage(), e);
        }
        xml.appendChild(xml.createProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\""));
        Element meta = xml.createElementNS("adobe:ns:meta/", "x:xmpmeta");
        xml.appendChild(meta);
        rdf = xml.createElementNS(RDF, "rdf:RDF");
        meta.appendChild(rdf);
        xml.appendChild(xml.createProcessingInstruction("xpacket", "end=\"w\""));
    }

    /** The packet for {@code metadata}, produced by {@code producer}, as UTF-8 bytes. */
    static byte[] of(PdfMetadata metadata, String producer) {
        XmpPacket packet = new XmpPacket();
        ArchivalMetadata doc = metadata.document();
        String created = metadata.created().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        Element dc = packet.description("dc", DC);
        if (doc.title() != null) {
            packet.languageAlternative(dc, "dc:title", doc.title());
        }
        if (doc.organName() != null) {
            packet.array(dc, "dc:creator", "rdf:Seq", doc.organName());
        }
        if (doc.subject() != null) {
            packet.languageAlternative(dc, "dc:description", doc.subject());
        }
        packet.array(dc, "dc:language", "rdf:Bag", "vi");
        packet.simple(dc, DC, "dc:format", "application/pdf");

        Element basic = packet.description("xmp", XMP);
        packet.simple(basic, XMP, "xmp:CreatorTool", producer);
        packet.simple(basic, XMP, "xmp:CreateDate", created);
        packet.simple(basic, XMP, "xmp:ModifyDate", created);
        packet.simple(basic, XMP, "xmp:MetadataDate", created);

        Element pdf = packet.description("pdf", PDF);
        packet.simple(pdf, PDF, "pdf:Producer", producer);
        if (metadata.keywords() != null) {
            packet.simple(pdf, PDF, "pdf:Keywords", metadata.keywords());
        }

        Element id = packet.description("pdfaid", PDFAID);
        packet.simple(id, PDFAID, "pdfaid:part", "2");
        packet.simple(id, PDFAID, "pdfaid:conformance", "B");

        Element sohoa = packet.description(ArchivalProperty.PREFIX, ArchivalProperty.NAMESPACE);
        java.util.List<ArchivalProperty> present = new java.util.ArrayList<>();
        for (ArchivalProperty property : ArchivalProperty.values()) {
            String value = property.valueOf(doc);
            if (value != null) {
                packet.simple(sohoa, ArchivalProperty.NAMESPACE, ArchivalProperty.PREFIX + ":" + property.xmpName(), value);
                present.add(property);
            }
        }
        packet.extensionSchema(present);
        return packet.serialize();
    }

    private Element description(String prefix, String namespace) {
        Element description = xml.createElementNS(RDF, "rdf:Description");
        description.setAttributeNS(RDF, "rdf:about", "");
        description.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, namespace);
        rdf.appendChild(description);
        return description;
    }

    private Element simple(Element parent, String namespace, String name, String value) {
        Element e = xml.createElementNS(namespace, name);
        e.setTextContent(value);
        parent.appendChild(e);
        return e;
    }

    private void languageAlternative(Element parent, String name, String value) {
        Element li = array(parent, name, "rdf:Alt", value);
        li.setAttributeNS(XML, "xml:lang", "x-default");
    }

    private Element array(Element parent, String name, String kind, String value) {
        Element property = xml.createElementNS(DC, name);
        Element array = xml.createElementNS(RDF, kind);
        Element li = xml.createElementNS(RDF, "rdf:li");
        li.setTextContent(value);
        array.appendChild(li);
        property.appendChild(array);
        parent.appendChild(property);
        return li;
    }

    /**
     * pdfaExtension:schemas describing the SoHoa properties the packet holds, as ISO 19005-2 clause 6.6.2.3
     * requires; only those, since PDF/A keeps the packet uncompressed (a document with 4 of the 13 took
     * 5.8 KB describing all of them).
     */
    private void extensionSchema(java.util.List<ArchivalProperty> present) {
        Element description = description("pdfaExtension", PDFA_EXTENSION);
        description.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:pdfaSchema", PDFA_SCHEMA);
        description.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:pdfaProperty", PDFA_PROPERTY);
        Element schemas = xml.createElementNS(PDFA_EXTENSION, "pdfaExtension:schemas");
        description.appendChild(schemas);
        Element bag = xml.createElementNS(RDF, "rdf:Bag");
        schemas.appendChild(bag);
        Element schema = resource(bag);
        simple(schema, PDFA_SCHEMA, "pdfaSchema:schema", ArchivalProperty.SCHEMA_NAME);
        simple(schema, PDFA_SCHEMA, "pdfaSchema:namespaceURI", ArchivalProperty.NAMESPACE);
        simple(schema, PDFA_SCHEMA, "pdfaSchema:prefix", ArchivalProperty.PREFIX);
        Element properties = xml.createElementNS(PDFA_SCHEMA, "pdfaSchema:property");
        schema.appendChild(properties);
        Element seq = xml.createElementNS(RDF, "rdf:Seq");
        properties.appendChild(seq);
        for (ArchivalProperty property : present) {
            Element p = resource(seq);
            simple(p, PDFA_PROPERTY, "pdfaProperty:name", property.xmpName());
            simple(p, PDFA_PROPERTY, "pdfaProperty:valueType", property.valueType());
            simple(p, PDFA_PROPERTY, "pdfaProperty:category", "external");
            simple(p, PDFA_PROPERTY, "pdfaProperty:description", property.description());
        }
    }

    private Element resource(Element array) {
        Element li = xml.createElementNS(RDF, "rdf:li");
        li.setAttributeNS(RDF, "rdf:parseType", "Resource");
        array.appendChild(li);
        return li;
    }

    private byte[] serialize() {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            // no indentation: a third of the packet was spaces (10.2 KB a PDF, 6.4 KB without), and PDF/A stores it uncompressed
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize the XMP packet: " + e.getMessage(), e);
        }
    }
}
