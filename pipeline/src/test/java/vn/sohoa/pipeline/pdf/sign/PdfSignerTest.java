package vn.sohoa.pipeline.pdf.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.pipeline.pdf.ArchivalMetadata;
import vn.sohoa.pipeline.pdf.CodeNotation;
import vn.sohoa.pipeline.pdf.PdfMetadata;
import vn.sohoa.pipeline.pdf.PdfaValidator;
import vn.sohoa.pipeline.pdf.SearchablePdfWriter;
import vn.sohoa.pipeline.pdf.TestPages;

/**
 * An office signs a SoHoa archive copy with a self-signed certificate made here; poppler's pdfsig, which
 * shares no code with PDFBox or BouncyCastle, judges the signature, and veraPDF the PDF/A-2B conformance
 * of the signed file.
 */
class PdfSignerTest {

    private static final String PASSWORD = "mat-khau-123";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static byte[] copy;

    @BeforeAll
    static void officeKeyAndArchiveCopy() throws Exception {
        var office = TestCertificates.selfSigned("CN=Nguyễn Văn Ấn, O=UBND huyện Tuyên Hóa, C=VN", false);
        keystore = TestCertificates.pkcs12(dir, office, "ubnd", PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SearchablePdfWriter().write(List.of(TestPages.page(1, BufferedImage.TYPE_INT_RGB),
                        TestPages.page(2, BufferedImage.TYPE_BYTE_BINARY)),
                new PdfMetadata(new ArchivalMetadata("Quyết định số 1437/QĐ-UBND", "UBND huyện Tuyên Hóa",
                        "Quyết định", CodeNotation.parse("1437/QĐ-UBND").orElseThrow(), LocalDate.of(2023, 2, 5),
                        "Về việc cấp phép", null, "Chủ tịch", "Nguyễn Văn Ấn", "quyet_dinh", null, "ab12", "qd.tif"),
                        OffsetDateTime.now()), out);
        copy = out.toByteArray();
    }

    @Test
    void invisibleSignatureIsValidKeepsPdfAAndBreaksWhenOneSignedByteChanges() throws Exception {
        SigningSettings settings = SigningSettings.invisible(keystore, PASSWORD)
                .withReasonAndLocation("Sao y bản chính", "Tuyên Hóa, Quảng Bình");
        byte[] signed = sign(settings);

        var verdict = PdfaValidator.validate(signed);
        assertThat(verdict.compliant()).as(verdict.toString()).isTrue();
        String report = pdfsig(write("invisible.pdf", signed));
        assertThat(report).contains("Signature is Valid.").contains("ETSI.CAdES.detached")
                .contains("Nguyễn Văn Ấn");

        int[] range = byteRange(signed);
        int inside = copy.length / 2;
        assertThat(inside).as("a byte of the first signed range").isLessThan(range[1]);
        byte[] tampered = signed.clone();
        tampered[inside] ^= 0x01;
        assertThat(pdfsig(write("tampered.pdf", tampered))).doesNotContain("Signature is Valid.")
                .containsAnyOf("Digest Mismatch", "Signature is Invalid");
    }

    @Test
    void visibleTimestampedSignatureCarriesTheTokenOverItsValue() throws Exception {
        try (TestTimestampAuthority tsa = new TestTimestampAuthority()) {
            SigningSettings settings = new SigningSettings(keystore, PASSWORD, "ubnd", "Ban hành", "Tuyên Hóa",
                    tsa.uri(), SignatureBox.bottomRight(2));
            byte[] signed = sign(settings);


            var verdict = PdfaValidator.validate(signed);
            assertThat(verdict.compliant()).as(verdict.toString()).isTrue();
            assertThat(pdfsig(write("visible.pdf", signed))).contains("Signature is Valid.");
            assertThat(tsa.served()).isEqualTo(1);

            try (PDDocument doc = Loader.loadPDF(signed)) {
                PDSignature signature = doc.getLastSignatureDictionary();
                assertThat(signature.getName()).isEqualTo("Nguyễn Văn Ấn");
                var widget = doc.getSignatureFields().get(0).getWidgets().get(0);
                assertThat(widget.getPage().getCOSObject()).isSameAs(doc.getPage(1).getCOSObject());
                assertThat(widget.getRectangle().getLowerLeftX()).isEqualTo(SignatureBox.bottomRight(2).x());
                CMSSignedData cms = new CMSSignedData(signature.getContents());
                SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
                assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime)).isNull();
                Attribute stamp = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                assertThat(stamp).as("signature-time-stamp attribute").isNotNull();
                TimeStampToken token = new TimeStampToken(new CMSSignedData(
                        stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.tsa.certificate()));
                assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
            }
        }
    }

    @Test
    void aWrongPasswordSaysWhichKeystore() {
        assertThatThrownBy(() -> new PdfSigner(SigningSettings.invisible(keystore, "sai")))
                .isInstanceOf(IOException.class).hasMessageContaining(keystore.toString())
                .hasMessageContaining("wrong password");
    }

    @Test
    void aBoxBeyondTheLastPageIsRefused() throws Exception {
        PdfSigner signer = new PdfSigner(SigningSettings.invisible(keystore, PASSWORD).withVisible(SignatureBox.bottomRight(9)));
        assertThatThrownBy(() -> signer.sign(copy, new ByteArrayOutputStream()))
                .hasMessageContaining("page 9").hasMessageContaining("2 pages");
    }

    private static byte[] sign(SigningSettings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfSigner(settings).sign(copy, out);
        byte[] signed = out.toByteArray();
        assertThat(signed).startsWith(copy);
        return signed;
    }

    private static int[] byteRange(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getLastSignatureDictionary().getByteRange();
        }
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(dir.resolve(name), pdf);
    }

    private static String pdfsig(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfsig", "-nocert", pdf.toString()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("pdfsig finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
