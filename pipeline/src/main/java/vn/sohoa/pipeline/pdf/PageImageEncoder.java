package vn.sohoa.pipeline.pdf;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import vn.sohoa.pipeline.cleanup.OpenCv;
import vn.sohoa.pipeline.intake.PageSource;

/**
 * Chooses how a page image is stored. The scan's own compressed pixels when a PDF can hold them and they are
 * compact: a JPEG saved at quality {@value #KEEP_JPEG_QUALITY} or less, or one that compressing again would
 * not make a tenth smaller (nothing is lost twice); a PNG's deflated rows (lossless) when they are no larger
 * than the JPEG of the page; a CCITT G4 TIFF page; the one image of a scanner's PDF page
 * ({@link ScannedPdfImage}). Otherwise: CCITT G4 for bilevel pages (lossless), JPEG
 * (libjpeg-turbo through OpenCV: optimized Huffman tables, 4:2:0, progressive for grey pages, deflated on
 * top when that helps) for grey and colour scans.
 */
public final class PageImageEncoder {

    /**
     * JPEG quality for grey and colour pages, chosen by how legible the archive copy stays: {@code bench/run
     * --jpeg-quality} writes the 12 grey and colour benchmark pages (200 and 300 dpi, 13-14 pt text with
     * diacritics, seals, signatures) at each quality, renders the PDFs back and reads them again:
     * <pre>
     * quality  PDF size/page  CER of the copy (reading the scans: 0.53 %)
     *  0.45       277 KB        0.71 %
     *  0.50       287 KB        0.68 %
     *  0.55       305 KB        0.79 %
     *  0.65       345 KB        0.78 %
     *  0.75       405 KB        0.79 %
     * </pre>
     * The copy reads the same from 0.45 to 0.75; at 0.40 two pages fell apart (a blurred phone JPEG read
     * 4.4 % instead of 0.5 %). 0.50 keeps a step of margin above that and is 17 % smaller than 0.65; an
     * earlier measurement (JpegQualityMeasurement, test sources) found the error against the noiseless page
     * flat above 0.5 too, higher qualities only keeping the sensor's noise.
     */
    public static final float DEFAULT_JPEG_QUALITY = 0.50f;

    /** A scan's JPEG at this quality or below is kept as it is: compressing it again would lose detail twice. */
    static final int KEEP_JPEG_QUALITY = 85;

    private final float jpegQuality;

    public PageImageEncoder(float jpegQuality) {
        this.jpegQuality = jpegQuality;
    }

    public PageImageEncoder() {
        this(DEFAULT_JPEG_QUALITY);
    }

    /** The page's image as an image XObject: its stored pixels when they will do, else compressed anew. */
    public PDImageXObject encode(PDDocument doc, PdfPage page) throws IOException {
        try (SourcePdfs sources = new SourcePdfs()) {
            return encode(doc, page, sources);
        }
    }

    PDImageXObject encode(PDDocument doc, PdfPage page, SourcePdfs sources) throws IOException {
        if (page.source().isPresent()) {
            Optional<PDImageXObject> kept = keep(doc, page.source().get(), page.image(), sources);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return encode(doc, page.image());
    }

    public PDImageXObject encode(PDDocument doc, BufferedImage image) throws IOException {
        if (isBilevel(image)) {
            Optional<byte[]> g4 = CcittG4.tiff(image);
            return g4.isPresent() ? CCITTFactory.createFromByteArray(doc, g4.get()) : CCITTFactory.createFromImage(doc, image);
        }
        if (image.getColorModel().hasAlpha()) {
            // PDF/A-2 allows soft masks but archive scans have no use for transparency: flatten on white
            image = flatten(image);
        }
        if (image.getColorModel() instanceof IndexColorModel && image.getColorModel().getPixelSize() <= 8
                && image.getColorModel().getPixelSize() > 1) {
            return LosslessFactory.createFromImage(doc, image);
        }
        return dct(doc, jpeg(image));
    }

    private Optional<PDImageXObject> keep(PDDocument doc, PageSource source, BufferedImage image, SourcePdfs sources)
            throws IOException {
        switch (source.format()) {
            case PDF -> {
                try {
                    return ScannedPdfImage.copy(doc, sources.get(source.file()), source.index(), image);
                } catch (IOException | RuntimeException e) {
                    // the page decoded, so it is compressed anew from its pixels
                    return Optional.empty();
                }
            }
            case JPEG -> {
                byte[] stored = Files.readAllBytes(source.file());
                Optional<JpegHeader> header = JpegHeader.read(stored);
                if (header.isEmpty() || !fits(header.get().width(), header.get().height(), image)
                        || (header.get().components() != 1 && header.get().components() != 3)) {
                    return Optional.empty();
                }
                if (header.get().quality() > KEEP_JPEG_QUALITY) {
                    byte[] again = jpeg(image);
                    if (again.length < 0.9 * stored.length) {
                        return Optional.of(dct(doc, again));
                    }
                }
                return Optional.of(dct(doc, stored));
            }
            case PNG -> {
                if (isBilevel(image)) {
                    return Optional.empty();
                }
                Optional<PngStream> png = PngStream.read(Files.readAllBytes(source.file()));
                if (png.isEmpty() || !fits(png.get().width(), png.get().height(), image)) {
                    return Optional.empty();
                }
                if (png.get().colourType() != PngStream.PALETTE) {
                    byte[] lossy = jpeg(image);
                    if (lossy.length < png.get().data().length) {
                        return Optional.of(dct(doc, lossy));
                    }
                }
                return Optional.of(flate(doc, png.get()));
            }
            case TIFF -> {
                if (!isBilevel(image)) {
                    return Optional.empty();
                }
                try {
                    PDImageXObject g4 = CCITTFactory.createFromFile(doc, source.file().toFile(), source.index());
                    return fits(g4.getWidth(), g4.getHeight(), image) ? Optional.of(g4) : Optional.empty();
                } catch (IOException | RuntimeException e) {
                    // not a single-strip CCITT page (LZW, several strips): compressed again below
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * A JPEG as an image, its bytes deflated on top when that makes them smaller: the entropy coding of JPEG
     * leaves the long runs of blank paper of a scanned page half-compressed, and Flate takes 12-15 % more off
     * (a 300 dpi A4 colour page at quality 50: 409 KB, 346 KB deflated). The JPEG itself is unchanged.
     */
    private static PDImageXObject dct(PDDocument doc, byte[] jpeg) throws IOException {
        PDImageXObject image = JPEGFactory.createFromByteArray(doc, jpeg);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(6);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(jpeg.length);
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated, deflater, 65536)) {
            out.write(jpeg);
        } finally {
            deflater.end();
        }
        if (deflated.size() < 0.97 * jpeg.length) {
            COSStream stream = image.getCOSObject();
            try (OutputStream out = stream.createRawOutputStream()) {
                deflated.writeTo(out);
            }
            COSArray filters = new COSArray();
            filters.add(COSName.FLATE_DECODE);
            filters.add(COSName.DCT_DECODE);
            stream.setItem(COSName.FILTER, filters);
        }
        return image;
    }

    private static boolean fits(int width, int height, BufferedImage image) {
        return width == image.getWidth() && height == image.getHeight();
    }

    /** The PNG's deflated rows as they are, with the predictor parameters that undo its row filters. */
    private static PDImageXObject flate(PDDocument doc, PngStream png) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(png.data());
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        COSDictionary parameters = new COSDictionary();
        parameters.setInt(COSName.PREDICTOR, 15);
        parameters.setInt(COSName.COLORS, png.colours());
        parameters.setInt(COSName.BITS_PER_COMPONENT, png.bitDepth());
        parameters.setInt(COSName.COLUMNS, png.width());
        stream.setItem(COSName.DECODE_PARMS, parameters);
        PDImageXObject image = new PDImageXObject(new PDStream(stream), null);
        image.setWidth(png.width());
        image.setHeight(png.height());
        image.setBitsPerComponent(png.bitDepth());
        image.setColorSpace(colourSpace(png));
        return image;
    }

    private static PDColorSpace colourSpace(PngStream png) throws IOException {
        return switch (png.colourType()) {
            case PngStream.GREY -> PDDeviceGray.INSTANCE;
            case PngStream.RGB -> PDDeviceRGB.INSTANCE;
            default -> {
                COSArray indexed = new COSArray();
                indexed.add(COSName.INDEXED);
                indexed.add(COSName.DEVICERGB);
                indexed.add(COSInteger.get(png.palette().length / 3 - 1));
                indexed.add(new COSString(png.palette()));
                yield new PDIndexed(indexed);
            }
        };
    }

    /**
     * The image as a JPEG with optimized Huffman tables at this encoder's quality: colour pages baseline,
     * grey ones (one colour component) progressive. On a 300 dpi A4 colour page at quality 50, baseline took
     * 182 ms for 346 KB once deflated, progressive 344 ms for 326 KB (6 % smaller): not worth it; on a 300
     * dpi grey page, 77 ms for 84 KB against 171 ms for 74 KB (12 % smaller), which keeps grey copies no
     * larger than OCRmyPDF's. A colour page without colour ({@link #colourless}) is stored as its grey:
     * a black-and-white page scanned in colour, 300 dpi, 120 KB in colour.
     */
    byte[] jpeg(BufferedImage image) {
        OpenCv.load();
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && image.getColorModel().getNumColorComponents() == 1;
        Mat mat;
        if (grey) {
            mat = greyMat(image);
        } else {
            byte[] bgr = bgr(image);
            mat = new Mat(image.getHeight(), image.getWidth(), CvType.CV_8UC3);
            mat.put(0, 0, bgr);
            if (colourless(bgr)) {
                // a black-and-white page scanned in colour: its grey (luma, no change of tone curve) is all there is
                Mat luma = new Mat();
                Imgproc.cvtColor(mat, luma, Imgproc.COLOR_BGR2GRAY);
                mat.release();
                mat = luma;
                grey = true;
            }
        }
        MatOfByte encoded = new MatOfByte();
        MatOfInt parameters = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, Math.round(jpegQuality * 100),
                Imgcodecs.IMWRITE_JPEG_OPTIMIZE, 1, Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, grey ? 1 : 0);
        try {
            if (!Imgcodecs.imencode(".jpg", mat, encoded, parameters)) {
                throw new IllegalStateException("the JPEG encoder refused a " + image.getWidth() + "x"
                        + image.getHeight() + " page");
            }
            return encoded.toArray();
        } finally {
            mat.release();
            encoded.release();
            parameters.release();
        }
    }

    /** Channels further apart than this in a pixel are colour, not the tint of grey ink on paper or JPEG noise. */
    private static final int COLOUR_SPREAD = 24;

    /**
     * Whether a colour page shows no colour: of every 7th pixel of every 7th row, at most 1 in 2000 has
     * channels more than {@value #COLOUR_SPREAD} apart. A red seal or a blue signature covers far more of a
     * page (a 4 cm seal is 2 % of A4), so such pages stay in colour.
     */
    static boolean colourless(byte[] bgr) {
        long sampled = 0;
        long coloured = 0;
        for (int i = 0; i + 2 < bgr.length; i += 3 * 7 * 7) {
            int b = bgr[i] & 0xff;
            int g = bgr[i + 1] & 0xff;
            int r = bgr[i + 2] & 0xff;
            sampled++;
            if (Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r)) > COLOUR_SPREAD) {
                coloured++;
            }
        }
        return sampled > 0 && coloured * 2000 <= sampled;
    }

    private static Mat greyMat(BufferedImage image) {
        BufferedImage grey = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY || !(image.getRaster().getDataBuffer() instanceof DataBufferByte)
                || image.getRaster().getParent() != null) {
            grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = grey.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        Mat mat = new Mat(grey.getHeight(), grey.getWidth(), CvType.CV_8UC1);
        mat.put(0, 0, ((DataBufferByte) grey.getRaster().getDataBuffer()).getData());
        return mat;
    }

    /** Interleaved blue, green, red bytes, the order OpenCV encodes from. */
    private static byte[] bgr(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] bgr;
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer() instanceof DataBufferByte bytes && bytes.getData().length == 3 * w * h) {
            bgr = bytes.getData();
        } else if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints && ints.getData().length == w * h) {
            int[] rgb = ints.getData();
            bgr = new byte[3 * w * h];
            for (int i = 0, o = 0; i < rgb.length; i++, o += 3) {
                int p = rgb[i];
                bgr[o] = (byte) p;
                bgr[o + 1] = (byte) (p >> 8);
                bgr[o + 2] = (byte) (p >> 16);
            }
        } else {
            BufferedImage converted = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = converted.createGraphics();
            try {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            bgr = ((DataBufferByte) converted.getRaster().getDataBuffer()).getData();
        }
        return bgr;
    }

    static boolean isBilevel(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_BINARY && image.getColorModel().getPixelSize() == 1;
    }

    private static BufferedImage flatten(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
