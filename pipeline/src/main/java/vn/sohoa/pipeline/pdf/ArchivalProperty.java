package vn.sohoa.pipeline.pdf;

import java.util.function.Function;

/**
 * The SoHoa properties of an archive copy, each written twice: as the XMP property {@code sohoa:NAME} in
 * the namespace {@link #NAMESPACE} (described by a PDF/A extension schema) and as the document
 * information key {@code SoHoaNAME}. Names follow appendix VI of Nghị định 30/2020 where it has one.
 */
public enum ArchivalProperty {
    TYPE_NAME("TypeName", "Text", "Type of document (appendix VI TypeName)", ArchivalMetadata::typeName),
    CODE_NUMBER("CodeNumber", "Text", "Number of the document (appendix VI CodeNumber)",
            m -> m.code() == null ? null : m.code().number()),
    CODE_NOTATION("CodeNotation", "Text", "Notation of the document (appendix VI CodeNotation)",
            m -> m.code() == null ? null : m.code().notation()),
    ISSUED_DATE("IssuedDate", "Date", "Date of issue (appendix VI IssuedDate)",
            m -> m.issuedDate() == null ? null : m.issuedDate().toString()),
    ORGAN_NAME("OrganName", "Text", "Issuing body (appendix VI OrganName)", ArchivalMetadata::organName),
    SUBJECT("Subject", "Text", "Summary of the content, trich yeu (appendix VI Subject)", ArchivalMetadata::subject),
    PAGE_AMOUNT("PageAmount", "Integer", "Number of pages (appendix VI PageAmount)",
            m -> m.pageAmount() == null ? null : m.pageAmount().toString()),
    SIGNER_POSITION("SignerPosition", "Text", "Position of the signer (appendix VI)", ArchivalMetadata::signerPosition),
    SIGNER_NAME("SignerName", "Text", "Full name of the signer (appendix VI)", ArchivalMetadata::signerName),
    DOCUMENT_TYPE("DocumentType", "Text", "SoHoa document type code", ArchivalMetadata::documentType),
    DOSSIER_CODE("DossierCode", "Text", "Dossier code of the one-stop system", ArchivalMetadata::dossierCode),
    ORIGINAL_SHA256("OriginalSHA256", "Text", "SHA-256 of the original scan, hexadecimal",
            ArchivalMetadata::originalSha256),
    ORIGINAL_NAME("OriginalName", "Text", "File name of the original scan", ArchivalMetadata::originalName);

    public static final String NAMESPACE = "urn:sohoa:archival:1.0#";
    public static final String PREFIX = "sohoa";
    public static final String SCHEMA_NAME = "SoHoa archival metadata";

    private final String xmpName;
    private final String valueType;
    private final String description;
    private final Function<ArchivalMetadata, String> value;

    ArchivalProperty(String xmpName, String valueType, String description, Function<ArchivalMetadata, String> value) {
        this.xmpName = xmpName;
        this.valueType = valueType;
        this.description = description;
        this.value = value;
    }

    public String xmpName() {
        return xmpName;
    }

    /** The key in the PDF's document information dictionary. */
    public String infoKey() {
        return "SoHoa" + xmpName;
    }

    String valueType() {
        return valueType;
    }

    String description() {
        return description;
    }

    /** The value as written, or null when the metadata does not know it. */
    public String valueOf(ArchivalMetadata metadata) {
        String v = value.apply(metadata);
        return v == null || v.isBlank() ? null : v;
    }
}
