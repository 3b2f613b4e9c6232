package vn.sohoa.pipeline.pdf;

import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import vn.sohoa.pipeline.DurableFiles;
import vn.sohoa.pipeline.cleanup.PageGeometry;
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
    public SearchablePdfWriter(PageImageEncoder encoder) {
        this.encoder = encoder;
    }

    public SearchablePdfWriter() {
        this(new PageImageEncoder());
    }

    /**
     * Writes the PDF to {@code target} through a temporary file, forced to disk with its folder, so that a
     * reader never sees half a file and a power cut after the caller records it cannot take it away.
     */
    public void write(List<PdfPage> pages, PdfMetadata metadata, Path target) throws IOException {
        try (Assembly assembly = start()) {
            for (PdfPage page : pages) {
                assembly.add(page);
            }
            assembly.finish(metadata, target);
        }
    }

    public void write(List<PdfPage> pages, PdfMetadata metadata, OutputStream out) throws IOException {
        try (Assembly assembly = start()) {
            for (PdfPage page : pages) {
                assembly.add(page);
            }
            assembly.finish(metadata, out);
        }
    }

    /**
     * A PDF built page by page, so that a page's pixels can be let go once its page is added; what is added is
     * kept compressed in a scratch file, not in memory, and the metadata is given once every page is in.
     */
    public Assembly start() {
        return new Assembly();
    }

    /** A PDF being built: pages added in order, then finished once with its metadata, then closed. */
    public final class Assembly implements AutoCloseable {

        private final PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        private final SourcePdfs sources = new SourcePdfs();
        private final GlyphlessFont font;
        private int pages;

        private Assembly() {
            try {
                font = new GlyphlessFont(doc);
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot load the text layer's font", e);
            }
        }

        public void add(PdfPage page) throws IOException {
            addPage(doc, font, page, sources);
            pages++;
        }

        public void finish(PdfMetadata metadata, OutputStream out) throws IOException {
            font.finish();
            describe(doc, new PdfMetadata(metadata.document().withPageAmount(pages), metadata.created()));
            doc.save(out);
        }

        /** Finishes the PDF into {@code target}, on disk with its folder before this returns. */
        public void finish(PdfMetadata metadata, Path target) throws IOException {
            DurableFiles.write(target, out -> finish(metadata, out));
        }

        @Override
        public void close() {
            try {
                sources.close();
            } catch (IOException e) {
                // only read from
            }
            try {
                doc.close();
            } catch (IOException e) {
                // the scratch file goes with the process at the latest
            }
        }
    }

    /**
     * One page: the size of the page turned upright, the original image drawn into it turned and
     * straightened as cleanup turned it (so the stored image is the scan's own, often its very bytes), and
     * the words over it.
     */
    private void addPage(PDDocument doc, GlyphlessFont font, PdfPage page, SourcePdfs sources) throws IOException {
        float scale = 72f / page.dpi();
        int width = page.image().getWidth();
        int height = page.image().getHeight();
        boolean sideways = page.geometry().rotation() % 180 != 0;
        int uprightWidth = sideways ? height : width;
        int uprightHeight = sideways ? width : height;
        PDPage pdPage = new PDPage(new PDRectangle(uprightWidth * scale, uprightHeight * scale));
        doc.addPage(pdPage);
        PDResources resources = new PDResources();
        pdPage.setResources(resources);
        COSName image = resources.add(encoder.encode(doc, page, sources));
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(TEXT_FONT, font.dictionary());
        resources.getCOSObject().setItem(COSName.FONT, fonts);

        StringBuilder content = new StringBuilder();
        content.append("q ").append(matrix(placement(width, height, page.geometry(), scale))).append(" cm /")
                .append(image.getName()).append(" Do Q\n");
        if (page.text() != null && !page.text().lines().isEmpty()) {
            content.append("BT 3 Tr\n");
            for (OcrLine line : page.text().lines()) {
                writeLine(content, font, line, scale, uprightHeight * scale);
            }
            content.append("ET\n");
        }
        PDStream stream = new PDStream(doc);
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        }
        pdPage.setContents(stream);
    }

    private static final COSName TEXT_FONT = COSName.getPDFName("F1");

    /**
     * Where the image goes: the unit square an image fills in PDF, mapped to the original's pixels, turned
     * clockwise by the cardinal rotation, straightened about the centre (as {@code Deskew} does), then to
     * points on a page whose origin is at the bottom left.
     */
    static AffineTransform placement(int width, int height, PageGeometry geometry, float scale) {
        boolean sideways = geometry.rotation() % 180 != 0;
        int w = sideways ? height : width;
        int h = sideways ? width : height;
        AffineTransform toPage = new AffineTransform(scale, 0, 0, -scale, 0, h * scale);
        if (geometry.deskews()) {
            toPage.concatenate(AffineTransform.getRotateInstance(Math.toRadians(-geometry.skewDegrees()), w / 2.0, h / 2.0));
        }
        toPage.concatenate(switch (geometry.rotation()) {
            case 90 -> new AffineTransform(0, 1, -1, 0, height, 0);
            case 180 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case 270 -> new AffineTransform(0, -1, 1, 0, 0, width);
            default -> new AffineTransform();
        });
        toPage.concatenate(new AffineTransform(width, 0, 0, -height, 0, height));
        return toPage;
    }

    private static String matrix(AffineTransform t) {
        return String.join(" ", number(t.getScaleX()), number(t.getShearY()), number(t.getShearX()),
                number(t.getScaleY()), number(t.getTranslateX()), number(t.getTranslateY()));
    }

    private static String number(double value) {
        String s = String.format(java.util.Locale.ROOT, "%.4f", value);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /**
     * Each word at its box, invisible: font size from the line height, horizontal scaling to the word's
     * width, a trailing space so that text extraction separates it from the next word.
     */
    private static void writeLine(StringBuilder content, GlyphlessFont font, OcrLine line, float scale, float pageHeight) {
        float lineHeight = line.box().height() * scale;
        float fontSize = Math.max(1f, lineHeight * 0.8f);
        float baseline = pageHeight - line.box().bottom() * scale + lineHeight * 0.2f;
        content.append('/').append(TEXT_FONT.getName()).append(' ').append(number(fontSize)).append(" Tf\n");
        List<OcrWord> words = line.words();
        for (int i = 0; i < words.size(); i++) {
            OcrWord word = words.get(i);
            String text = word.text() + (i < words.size() - 1 ? " " : "");
            if (text.isBlank()) {
                continue;
            }
            float natural = GlyphlessFont.width(text) * fontSize;
            float target = (i < words.size() - 1 ? words.get(i + 1).box().left() - word.box().left() : word.box().width()) * scale;
            float horizontalScaling = natural > 0 ? Math.max(1f, 100f * target / natural) : 100f;
            content.append(number(horizontalScaling)).append(" Tz 1 0 0 1 ").append(number(word.box().left() * scale))
                    .append(' ').append(number(baseline)).append(" Tm ").append(font.hex(text)).append(" Tj\n");
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
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
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
