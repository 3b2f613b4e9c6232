package vn.sohoa.pipeline.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.type.AbstractSimpleProperty;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

/** The archive copy carries the appendix VI metadata in its document information and, identically, its XMP. */
class ArchivalMetadataTest {

    @Test
    void codeNotationSplitsNumberAndNotation() {
        assertThat(CodeNotation.parse("1437/QĐ-UBND")).contains(new CodeNotation("1437", "QĐ-UBND"));
        assertThat(CodeNotation.parse("Số: 05/QĐ-UBND")).contains(new CodeNotation("05", "QĐ-UBND"));
        assertThat(CodeNotation.parse("29/2025/QĐ-TTg")).contains(new CodeNotation("29/2025", "QĐ-TTg"));
        assertThat(CodeNotation.parse("12/UBND-VP")).contains(new CodeNotation("12", "UBND-VP"));
        assertThat(CodeNotation.parse("Về việc")).isEmpty();
    }

    @Test
    void valuesReadBackFromInfoAndXmp() throws Exception {
        byte[] pdf = SearchablePdfWriterTest.write(List.of(TestPages.page(1, BufferedImage.TYPE_BYTE_GRAY),
                TestPages.page(2, BufferedImage.TYPE_BYTE_GRAY)));
        ArchivalMetadata expected = SearchablePdfWriterTest.DECISION.withPageAmount(2);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Quyết định số 1437/QĐ-UBND");
            assertThat(info.getAuthor()).isEqualTo("Ủy ban nhân dân huyện Tuyên Hóa");
            assertThat(info.getSubject()).isEqualTo("Về việc phê duyệt kế hoạch sửa chữa Đường giao thông");
            assertThat(info.getKeywords()).isEqualTo("Quyết định, 1437/QĐ-UBND, 000.00.21.H42-230205-0001");
            assertThat(info.getProducer()).isEqualTo(SearchablePdfWriter.PRODUCER);
            assertThat(info.getCreationDate().toInstant()).isEqualTo(SearchablePdfWriterTest.CREATED.toInstant());

            XMPMetadata xmp = new DomXmpParser().parse(new ByteArrayInputStream(
                    doc.getDocumentCatalog().getMetadata().toByteArray()));
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle());
            assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly(info.getAuthor());
            assertThat(xmp.getDublinCoreSchema().getDescription()).isEqualTo(info.getSubject());
            assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo(info.getProducer());
            assertThat(xmp.getAdobePDFSchema().getKeywords()).isEqualTo(info.getKeywords());
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant()).isEqualTo(info.getCreationDate().toInstant());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");

            XMPSchema sohoa = xmp.getSchema(ArchivalProperty.NAMESPACE);
            assertThat(sohoa).as("the SoHoa XMP schema").isNotNull();
            for (ArchivalProperty property : ArchivalProperty.values()) {
                String value = property.valueOf(expected);
                assertThat(info.getCustomMetadataValue(property.infoKey())).as(property.infoKey()).isEqualTo(value);
                var field = sohoa.getProperty(property.xmpName());
                String xmpValue = field == null ? null : ((AbstractSimpleProperty) field).getStringValue();
                if (property == ArchivalProperty.ISSUED_DATE && xmpValue != null) {
                    xmpValue = xmpValue.substring(0, 10);
                }
                assertThat(xmpValue).as("sohoa:" + property.xmpName()).isEqualTo(value);
            }
        }
        assertThat(ArchivalProperty.CODE_NUMBER.valueOf(expected)).isEqualTo("1437");
        assertThat(ArchivalProperty.CODE_NOTATION.valueOf(expected)).isEqualTo("QĐ-UBND");
        assertThat(ArchivalProperty.ISSUED_DATE.valueOf(expected)).isEqualTo("2023-02-05");
        assertThat(ArchivalProperty.PAGE_AMOUNT.valueOf(expected)).isEqualTo("2");
        assertThat(ArchivalProperty.SIGNER_NAME.valueOf(expected)).isEqualTo("Nguyễn Văn Ấn");
    }
}
