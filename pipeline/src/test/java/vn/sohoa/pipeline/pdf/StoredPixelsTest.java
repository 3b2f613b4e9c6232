package vn.sohoa.pipeline.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.pipeline.SharedCorpus;
import vn.sohoa.pipeline.cleanup.PageGeometry;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;

/**
 * The archive copy keeps a scan's own compressed pixels when a PDF can hold them and they are compact, and
 * is still PDF/A-2b: nothing is compressed twice, and what is copied decodes to the very pixels OCR read.
 */
class StoredPixelsTest {

    @TempDir
    Path dir;

    @Test
    void aJpegSavedAtModerateQualityIsCopiedByteForByteEvenWhenThePageIsTurned() throws Exception {
        Path scan = jpeg(TestPages.page(1, BufferedImage.TYPE_INT_RGB).image(), 0.75f, "scan.jpg");
        PDImageXObject image = onlyImage(writeTurned(scan, new PageGeometry(90, 1.5)));
        assertThat(sha256(jpegBytes(image))).isEqualTo(sha256(Files.readAllBytes(scan)));
    }

    @Test
    void aJpegSavedAtHighQualityIsCompressedAgainSmaller() throws Exception {
        Path scan = jpeg(TestPages.page(1, BufferedImage.TYPE_INT_RGB).image(), 0.98f, "phone.jpg");
        PDImageXObject image = onlyImage(writeTurned(scan, PageGeometry.UPRIGHT));
        assertThat(jpegBytes(image).length).isLessThan((int) (0.9 * Files.size(scan)));
    }

    @Test
    void aPalettePngKeepsItsDeflatedRowsAndItsExactPixels() throws Exception {
        Path scan = SharedCorpus.file("real-scans/vietsample2.png");
        BufferedImage original = ImageIO.read(scan.toFile());
        PDImageXObject image = onlyImage(writeTurned(scan, new PageGeometry(0, -0.7)));
        assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.FLATE_DECODE);
        assertSamePixels(image.getImage(), original);
    }

    @Test
    void aCcittG4TiffPageIsCopiedAsItsOwnG4Data() throws Exception {
        Path scan = SharedCorpus.file("real-scans/vietsample.tif");
        List<PageImage> pages = new ScanDecoder(IntakeLimits.DEFAULT).decode(scan);
        byte[] pdf = write(List.of(pdfPage(pages.get(1), new PageGeometry(180, 0))));
        PDImageXObject image = onlyImage(pdf);
        assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.CCITTFAX_DECODE);
        // the same compressed page PDFBox reads straight from the TIFF, never decoded and encoded again
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject fromTiff = org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory.createFromFile(doc,
                    scan.toFile(), 1);
            assertThat(image.getCOSObject().createRawInputStream().readAllBytes())
                    .isEqualTo(fromTiff.getCOSObject().createRawInputStream().readAllBytes());
        }
        assertSamePixels(image.getImage(), pages.get(1).image());
    }

    @Test
    void aBilevelPageStoredAnotherWayIsCompressedAsG4WithItsExactPixels() throws Exception {
        // the JDK's TIFF writer cuts a G4 page into strips of a few rows, which a PDF image cannot copy
        BufferedImage page = TestPages.page(1, BufferedImage.TYPE_BYTE_BINARY).image();
        Path scan = dir.resolve("strips.tif");
        vn.sohoa.models.render.ScanFileWriter.write(List.of(page), 100, vn.sohoa.models.render.ScanFormat.TIFF, scan);
        PDImageXObject image = onlyImage(writeTurned(scan, new PageGeometry(270, 0)));
        assertThat(image.getCOSObject().getFilters()).isEqualTo(COSName.CCITTFAX_DECODE);
        assertSamePixels(image.getImage(), ImageIO.read(scan.toFile()));
    }

    @Test
    void theJpegOfAScannersPdfIsCopiedAsItIs() throws Exception {
        Path jpeg = jpeg(TestPages.page(1, BufferedImage.TYPE_INT_RGB).image(), 0.6f, "page.jpg");
        Path scan = scannerPdf(jpeg, false);
        PDImageXObject image = onlyImage(writeTurned(scan, new PageGeometry(0, 0.8)));
        assertThat(sha256(jpegBytes(image))).isEqualTo(sha256(Files.readAllBytes(jpeg)));
    }

    @Test
    void aPdfPageWithSomethingVisibleBesideItsImageIsCompressedFromWhatItShows() throws Exception {
        Path jpeg = jpeg(TestPages.page(1, BufferedImage.TYPE_INT_RGB).image(), 0.6f, "page.jpg");
        Path scan = scannerPdf(jpeg, true);
        PDImageXObject image = onlyImage(writeTurned(scan, PageGeometry.UPRIGHT));
        assertThat(sha256(jpegBytes(image))).isNotEqualTo(sha256(Files.readAllBytes(jpeg)));
    }

    /** A PDF as a scanner writes it: the JPEG over the whole page; with a stamp drawn over it, if asked. */
    private Path scannerPdf(Path jpeg, boolean stamped) throws IOException {
        Path file = dir.resolve(stamped ? "stamped.pdf" : "scanner.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromByteArray(doc,
                    Files.readAllBytes(jpeg));
            // at 200 dpi, which the decoder renders such a page at (it renders at 150 dpi at least)
            PDPage page = new PDPage(new org.apache.pdfbox.pdmodel.common.PDRectangle(image.getWidth() * 72f / 200,
                    image.getHeight() * 72f / 200));
            doc.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                if (stamped) {
                    content.addRect(20, 20, 100, 40);
                    content.fill();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private byte[] writeTurned(Path scan, PageGeometry geometry) throws Exception {
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT).decode(scan).get(0);
        assertThat(page.source()).isPresent();
        return write(List.of(pdfPage(page, geometry)));
    }

    private static PdfPage pdfPage(PageImage page, PageGeometry geometry) {
        PdfPage text = TestPages.page(page.number(), BufferedImage.TYPE_BYTE_GRAY);
        return new PdfPage(page.image(), page.dpi(), geometry, text.text(), page.source());
    }

    private static byte[] write(List<PdfPage> pages) throws IOException {
        byte[] pdf = SearchablePdfWriterTest.write(pages);
        PdfaValidator.Verdict verdict = PdfaValidator.validate(pdf);
        assertThat(verdict.compliant()).as(verdict.toString()).isTrue();
        return pdf;
    }

    private static PDImageXObject onlyImage(byte[] pdf) throws IOException {
        PDDocument doc = Loader.loadPDF(pdf);
        PDPage page = doc.getPage(0);
        COSName name = page.getResources().getXObjectNames().iterator().next();
        return (PDImageXObject) page.getResources().getXObject(name);
    }

    private Path jpeg(BufferedImage image, float quality, String name) throws IOException {
        Path file = dir.resolve(name);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The JPEG an image holds: its DCT stream, once a Flate layer over it is undone. */
    private static byte[] jpegBytes(PDImageXObject image) throws IOException {
        org.apache.pdfbox.cos.COSBase filters = image.getCOSObject().getFilters();
        if (filters instanceof org.apache.pdfbox.cos.COSArray array) {
            assertThat(List.<Object>copyOf(array.toList())).containsExactly(COSName.FLATE_DECODE, COSName.DCT_DECODE);
            try (var in = new java.util.zip.InflaterInputStream(image.getCOSObject().createRawInputStream())) {
                return in.readAllBytes();
            }
        }
        assertThat(filters).isEqualTo(COSName.DCT_DECODE);
        return image.getCOSObject().createRawInputStream().readAllBytes();
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y += 7) {
            for (int x = 0; x < expected.getWidth(); x += 7) {
                assertThat(actual.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y) & 0xffffff);
            }
        }
    }
}
