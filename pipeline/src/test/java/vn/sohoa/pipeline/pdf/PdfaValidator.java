package vn.sohoa.pipeline.pdf;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF/A reference validator (its own PDF model, not PDFBox), judging PDF/A-2B conformance. */
public final class PdfaValidator {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** What veraPDF said: compliant or not, and each failed rule as "clause-test: message (where)". */
    public record Verdict(boolean compliant, List<String> failedRules) {
        @Override
        public String toString() {
            return (compliant ? "PDF/A-2B compliant" : "not PDF/A-2B compliant") + failedRules.stream()
                    .map(r -> "\n  " + r).reduce("", String::concat);
        }
    }

    public static Verdict validate(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage() + " (" + a.getLocation().getContext() + ")")
                    .distinct().toList();
            return new Verdict(result.isCompliant(), failed);
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF: " + e, e);
        }
    }

    private PdfaValidator() {
    }
}
