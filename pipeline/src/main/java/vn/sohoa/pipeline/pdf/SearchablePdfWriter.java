package vn.sohoa.pipeline.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrWord;

/**
 * Writes the archive copy: one PDF/A-2b page per scanned page, the page image with the recognized words
 * laid over it as invisible text at their boxes, so that search, selection and copying find the words
 * where they are printed. The only place that builds PDFs with PDFBox.
 */
public final class SearchablePdfWriter {

    public static final String PRODUCER = "SoHoa";

    private final PageImageEncoder encoder;
    private final TextLayerFont textFont;

    public SearchablePdfWriter(PageImageEncoder encoder, TextLayerFont textFont) {
        this.encoder = encoder;
        this.textFont = textFont;
    }

    public SearchablePdfWriter() {
        this(new PageImageEncoder(), TextLayerFont.system());
    }

    /** Writes the PDF to {@code target} through a temporary file, so a reader never sees half a file. */
    public void write(List<PdfPage> pages, PdfMetadata metadata, Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(pages, metadata, out);
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public void write(List<PdfPage> pages, PdfMetadata metadata, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            var font = textFont.load(doc);
            for (PdfPage page : pages) {
                addPage(doc, font, page);
            }
            describe(doc, new PdfMetadata(metadata.document().withPageAmount(pages.size()), metadata.created()));
            doc.save(out);
        }
    }

    private void addPage(PDDocument doc, org.apache.pdfbox.pdmodel.font.PDFont font, PdfPage page) throws IOException {
        BufferedImage image = page.geometry().apply(page.image());
        float scale = 72f / page.dpi();
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        PDPage pdPage = new PDPage(new PDRectangle(width, height));
        doc.addPage(pdPage);
        PDImageXObject xobject = encoder.encode(doc, image);
        try (PDPageContentStream content = new PDPageContentStream(doc, pdPage)) {
            content.drawImage(xobject, 0, 0, width, height);
            if (page.text() != null && !page.text().lines().isEmpty()) {
                content.beginText();
                content.setRenderingMode(RenderingMode.NEITHER);
                for (OcrLine line : page.text().lines()) {
                    writeLine(content, font, line, scale, height);
                }
                content.endText();
            }
        }
    }

    /** Each word at its box: font size from the line height, horizontal scaling to the word's width. */
    private void writeLine(PDPageContentStream content, org.apache.pdfbox.pdmodel.font.PDFont font, OcrLine line,
                           float scale, float pageHeight) throws IOException {
        float lineHeight = line.box().height() * scale;
        float fontSize = Math.max(1f, lineHeight * 0.8f);
        float baseline = pageHeight - line.box().bottom() * scale + lineHeight * 0.2f;
        List<OcrWord> words = line.words();
        for (int i = 0; i < words.size(); i++) {
            OcrWord word = words.get(i);
            // a trailing space lets text extraction separate this word from the next
            String text = textFont.encodable(font, word.text()) + (i < words.size() - 1 ? " " : "");
            if (text.isBlank()) {
                continue;
            }
            float natural = font.getStringWidth(text) / 1000f * fontSize;
            float target = (i < words.size() - 1 ? words.get(i + 1).box().left() - word.box().left() : word.box().width()) * scale;
            float horizontalScaling = natural > 0 ? Math.max(1f, 100f * target / natural) : 100f;
            content.setFont(font, fontSize);
            content.setHorizontalScaling(horizontalScaling);
            content.setTextMatrix(Matrix.getTranslateInstance(word.box().left() * scale, baseline));
            content.showText(text);
        }
    }

    private static void describe(PDDocument doc, PdfMetadata metadata) throws IOException {
        Calendar created = GregorianCalendar.from(metadata.created().toZonedDateTime());
        created.setTimeZone(TimeZone.getTimeZone(metadata.created().getOffset()));
        ArchivalMetadata document = metadata.document();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(document.title());
        info.setSubject(document.subject());
        info.setAuthor(document.organName());
        info.setKeywords(metadata.keywords());
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);
        for (ArchivalProperty property : ArchivalProperty.values()) {
            String value = property.valueOf(document);
            if (value != null) {
                info.setCustomMetadataValue(property.infoKey(), value);
            }
        }

        PDMetadata stream = new PDMetadata(doc);
        stream.importXMPMetadata(XmpPacket.of(metadata, PRODUCER));
        doc.getDocumentCatalog().setMetadata(stream);

        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
        doc.getDocumentCatalog().setLanguage("vi-VN");

        COSString fileId = new COSString(documentId(metadata));
        COSArray ids = new COSArray();
        ids.add(fileId);
        ids.add(fileId);
        doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    }

    private static byte[] documentId(PdfMetadata metadata) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(String.valueOf(metadata).getBytes(StandardCharsets.UTF_8));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
