package vn.sohoa.pipeline.pdf.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.sohoa.pipeline.DurableFiles;
import vn.sohoa.pipeline.pdf.TextLayerFont;

/**
 * Signs an archive copy as the issuing office (PAdES baseline: B-B, or B-T with a time-stamping authority),
 * visibly in the office's chosen box or invisibly. The signature is appended as an incremental update, so
 * the signed file is still the same PDF/A-2B document with one more revision.
 */
public final class PdfSigner {

    /** Room reserved for the CMS signature: certificate chain, and the TSA's token and certificate. */
    private static final int SIGNATURE_SIZE = 32 * 1024;
    private static final COSName PADES = COSName.getPDFName("ETSI.CAdES.detached");

    private final SigningSettings settings;
    private final SigningKey key;
    private final SignatureAppearance appearance;

    public PdfSigner(SigningSettings settings, TextLayerFont font) throws IOException {
        this.settings = settings;
        this.key = SigningKey.fromPkcs12(settings.keystore(), settings.password(), settings.alias());
        this.appearance = new SignatureAppearance(font);
    }

    public PdfSigner(SigningSettings settings) throws IOException {
        this(settings, TextLayerFont.system());
    }

    /**
     * Signs {@code source} into {@code target} (which may be the same file) through a temporary file, forced to
     * disk with its folder.
     */
    public void sign(Path source, Path target) throws IOException {
        byte[] pdf = Files.readAllBytes(source);
        try {
            DurableFiles.write(target, out -> sign(pdf, out));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot sign " + source + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code pdf} followed by the signed incremental update to {@code out}. */
    public void sign(byte[] pdf, OutputStream out) throws IOException {
        ZonedDateTime now = ZonedDateTime.now();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PADES);
            signature.setName(key.signerName());
            signature.setReason(settings.reason());
            signature.setLocation(settings.location());
            signature.setSignDate(GregorianCalendar.from(now));

            TimestampClient timestamps = settings.timestampAuthority() == null
                    ? null : new TimestampClient(settings.timestampAuthority());
            CadesSignature cms = new CadesSignature(key, timestamps);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                SignatureBox box = settings.visible();
                if (box != null) {
                    if (box.page() > doc.getNumberOfPages()) {
                        throw new IOException("the signature box is on page " + box.page() + " but the document has "
                                + doc.getNumberOfPages() + " pages");
                    }
                    var page = doc.getPage(box.page() - 1);
                    options.setVisualSignature(new ByteArrayInputStream(
                            appearance.template(page.getMediaBox(), box, key.signerName(), now)));
                    options.setPage(box.page() - 1);
                }
                doc.addSignature(signature, cms, options);
                if (box == null) {
                    printInvisibleWidget(doc, signature);
                }
                doc.saveIncremental(out);
            }
        }
    }

    /** PDF/A wants every annotation's print flag set, the zero-size widget of an invisible signature too. */
    private static void printInvisibleWidget(PDDocument doc, PDSignature signature) throws IOException {
        for (PDSignatureField field : doc.getSignatureFields()) {
            if (field.getSignature() != null && field.getSignature().getCOSObject() == signature.getCOSObject()) {
                field.getWidgets().forEach(w -> w.setPrinted(true));
            }
        }
    }
}
