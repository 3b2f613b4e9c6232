package vn.sohoa.pipeline.pdf.sign;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.sohoa.pipeline.pdf.TextLayerFont;

/**
 * The visible face of a signature: a framed box with "Đã ký số", the signer's name and the signing time, in
 * an embedded font (PDF/A), built as the one-page template PDFBox merges into the signed document.
 */
final class SignatureAppearance {

    static final String SIGNED_DIGITALLY = "Đã ký số";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx");
    private static final Color SEAL_RED = new Color(190, 20, 20);

    private final TextLayerFont font;

    SignatureAppearance(TextLayerFont font) {
        this.font = font;
    }

    /** The template for a box on a page of {@code pageSize}. */
    byte[] template(PDRectangle pageSize, SignatureBox box, String signer, ZonedDateTime when) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(pageSize));
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setPrinted(true);
            widget.setLocked(true);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            PDRectangle rect = new PDRectangle(box.x(), box.y(), box.width(), box.height());
            widget.setRectangle(rect);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(box.width(), box.height()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);

            PDFont pdFont = font.load(doc);
            try (PDPageContentStream content = new PDPageContentStream(doc, stream)) {
                content.setStrokingColor(SEAL_RED);
                content.setLineWidth(1.2f);
                content.addRect(0.6f, 0.6f, box.width() - 1.2f, box.height() - 1.2f);
                content.stroke();
                List<String> lines = List.of(SIGNED_DIGITALLY, signer, WHEN.format(when));
                float size = Math.min(11f, (box.height() - 8f) / (lines.size() * 1.25f));
                float y = box.height() - 4f - size;
                content.setNonStrokingColor(SEAL_RED);
                for (String line : lines) {
                    String text = font.encodable(pdFont, line);
                    float width = pdFont.getStringWidth(text) / 1000f * size;
                    float fitted = width > box.width() - 8f ? size * (box.width() - 8f) / width : size;
                    content.beginText();
                    content.setFont(pdFont, fitted);
                    content.newLineAtOffset(4f, y);
                    content.showText(text);
                    content.endText();
                    y -= size * 1.25f;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
