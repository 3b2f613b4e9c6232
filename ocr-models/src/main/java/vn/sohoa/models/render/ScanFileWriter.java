package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes page images as PNG, JPEG or (multi-page) TIFF with the resolution recorded in the file (PNG pHYs,
 * JFIF density, TIFF X/YResolution), using only the JDK's javax.imageio writers.
 */
public final class ScanFileWriter {

    /** Compression the JDK TIFF writer calls CCITT Group 4. */
    public static final String TIFF_G4 = "CCITT T.6";
    private static final float JPEG_QUALITY = 0.9f;

    private ScanFileWriter() {
    }

    /**
     * Writes {@code pages} to {@code file}. PNG and JPEG hold exactly one page; TIFF holds any number.
     *
     * @return the TIFF compression used, or the format name for PNG and JPEG
     */
    public static String write(List<BufferedImage> pages, int dpi, ScanFormat format, Path file) throws IOException {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages to write to " + file);
        }
        if (format != ScanFormat.TIFF && pages.size() != 1) {
            throw new IllegalArgumentException(format + " holds one page, got " + pages.size() + " for " + file);
        }
        String formatName = switch (format) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case TIFF -> "tiff";
        };
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(formatName);
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no " + formatName + " image writer");
        }
        ImageWriter writer = writers.next();
        // the JDK's own writers, whose metadata this class fills in, even when a plug-in (TwelveMonkeys, on
        // the pipeline's class path) registered its own first
        while (!writer.getClass().getName().startsWith("com.sun.imageio") && writers.hasNext()) {
            writer = writers.next();
        }
        Files.deleteIfExists(file);
        String compression = format.name().toLowerCase();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            if (format == ScanFormat.TIFF) {
                writer.prepareWriteSequence(null);
            }
            for (BufferedImage page : pages) {
                BufferedImage image = format == ScanFormat.JPEG && page.getType() == BufferedImage.TYPE_BYTE_BINARY
                        ? Degradation.grey().apply(page) : page;
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (format == ScanFormat.JPEG) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                } else if (format == ScanFormat.TIFF) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    compression = tiffCompression(param, image);
                    param.setCompressionType(compression);
                }
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
                withResolution(metadata, dpi, format);
                if (format == ScanFormat.TIFF) {
                    metadata = withTiffResolution(metadata, dpi);
                }
                IIOImage iioImage = new IIOImage(image, null, metadata);
                if (format == ScanFormat.TIFF) {
                    writer.writeToSequence(iioImage, param);
                } else {
                    writer.write(null, iioImage, param);
                }
            }
            if (format == ScanFormat.TIFF) {
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
        }
        return compression;
    }

    private static String tiffCompression(ImageWriteParam param, BufferedImage image) {
        List<String> offered = Arrays.asList(param.getCompressionTypes());
        if (image.getType() == BufferedImage.TYPE_BYTE_BINARY && offered.contains(TIFF_G4)) {
            return TIFF_G4;
        }
        return offered.contains("LZW") ? "LZW" : offered.get(0);
    }

    /** TIFF XResolution and YResolution as dpi/1 with ResolutionUnit inch, the way scanners write them. */
    private static IIOMetadata withTiffResolution(IIOMetadata metadata, int dpi) throws IIOInvalidTreeException {
        javax.imageio.plugins.tiff.TIFFDirectory directory = javax.imageio.plugins.tiff.TIFFDirectory.createFromMetadata(metadata);
        javax.imageio.plugins.tiff.BaselineTIFFTagSet tags = javax.imageio.plugins.tiff.BaselineTIFFTagSet.getInstance();
        long[][] rational = {{dpi, 1}};
        for (int number : new int[] {javax.imageio.plugins.tiff.BaselineTIFFTagSet.TAG_X_RESOLUTION,
                javax.imageio.plugins.tiff.BaselineTIFFTagSet.TAG_Y_RESOLUTION}) {
            directory.addTIFFField(new javax.imageio.plugins.tiff.TIFFField(tags.getTag(number),
                    javax.imageio.plugins.tiff.TIFFTag.TIFF_RATIONAL, 1, rational));
        }
        directory.addTIFFField(new javax.imageio.plugins.tiff.TIFFField(
                tags.getTag(javax.imageio.plugins.tiff.BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                javax.imageio.plugins.tiff.BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
        return directory.getAsMetadata();
    }

    /**
     * Records {@code dpi}: PNG and JPEG through their native pHYs and JFIF nodes (the JDK PNG writer mis-converts
     * the neutral pixel size), TIFF through its own tags ({@link #withTiffResolution}).
     */
    private static void withResolution(IIOMetadata metadata, int dpi, ScanFormat format)
            throws IIOInvalidTreeException {
        if (metadata == null || metadata.isReadOnly()) {
            return;
        }
        switch (format) {
            case PNG -> {
                String perMetre = Long.toString(Math.round(dpi / 0.0254));
                IIOMetadataNode physical = new IIOMetadataNode("pHYs");
                physical.setAttribute("pixelsPerUnitXAxis", perMetre);
                physical.setAttribute("pixelsPerUnitYAxis", perMetre);
                physical.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                root.appendChild(physical);
                metadata.mergeTree("javax_imageio_png_1.0", root);
            }
            case JPEG -> {
                String nativeFormat = "javax_imageio_jpeg_image_1.0";
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(nativeFormat);
                if (root.getElementsByTagName("app0JFIF").getLength() > 0) {
                    IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                    jfif.setAttribute("resUnits", "1");
                    jfif.setAttribute("Xdensity", Integer.toString(dpi));
                    jfif.setAttribute("Ydensity", Integer.toString(dpi));
                    metadata.setFromTree(nativeFormat, root);
                }
            }
            case TIFF -> {
                // not the neutral pixel size: the JDK writer stores it as pixels per centimetre inverted
                // (300 dpi became 0.85 px/cm), which other readers (img2pdf, OCRmyPDF) then refuse
            }
        }
    }
}
