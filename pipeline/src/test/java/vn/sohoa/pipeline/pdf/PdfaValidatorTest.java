package vn.sohoa.pipeline.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** The validator the other tests trust does reject what is not PDF/A. */
class PdfaValidatorTest {

    @Test
    void aPlainPdfIsNotPdfA() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(out);
        }
        PdfaValidator.Verdict verdict = PdfaValidator.validate(out.toByteArray());
        assertThat(verdict.compliant()).isFalse();
        assertThat(verdict.failedRules()).anyMatch(rule -> rule.startsWith("6.6.2.1"));
    }
}
