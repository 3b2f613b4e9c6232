package vn.sohoa.pipeline.intake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.w3c.dom.NodeList;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;

/**
 * Intake: turns a scanned file (JPEG, PNG, TIFF with any number of pages, or an image-only PDF) into
 * pages, enforcing {@link IntakeLimits} before decoding anything large.
 */
public final class ScanDecoder {

    /** Resolution assumed for images whose file states none, until cleanup estimates a better one. */
    public static final float ASSUMED_DPI = 300f;
    private static final float MIN_PDF_DPI = 150f;
    private static final float MAX_PDF_DPI = 400f;

    private final IntakeLimits limits;

    public ScanDecoder(IntakeLimits limits) {
        this.limits = limits;
    }

    public List<PageImage> decode(Path file) throws RejectedScanException {
        return decode(file, page -> true).pages();
    }

    /**
     * The file's format and page count, held to the limits (size, pages, pixels a page) without decoding any
     * pixels: the check an intake makes before it acknowledges a file and leaves the decoding to a worker.
     */
    public ScanOutline outline(Path file) throws RejectedScanException {
        Decoded decoded = decode(file, page -> false);
        return new ScanOutline(decoded.format(), decoded.count());
    }

    /**
     * The pages numbered {@code numbers} (1-based, in that order), decoded exactly as {@link #decode} decodes
     * them and held to the same limits: for a stage that reads or assembles some pages of a file.
     */
    public List<PageImage> decodePages(Path file, List<Integer> numbers) throws RejectedScanException {
        Set<Integer> wanted = Set.copyOf(numbers);
        Decoded decoded = decode(file, wanted::contains);
        Map<Integer, PageImage> byNumber = new HashMap<>();
        decoded.pages().forEach(page -> byNumber.put(page.number(), page));
        List<PageImage> pages = new ArrayList<>(numbers.size());
        for (int number : numbers) {
            PageImage page = byNumber.get(number);
            if (page == null) {
                throw new IllegalArgumentException("no page " + number + " in " + file + ", which has "
                        + decoded.count() + " pages");
            }
            pages.add(page);
        }
        return pages;
    }

    /** What a pass over the file found: its format, its page count, and the pages it was asked to decode. */
    private record Decoded(ScanFormat format, int count, List<PageImage> pages) {
    }

    private Decoded decode(Path file, IntPredicate wanted) throws RejectedScanException {
        long size;
        ScanFormat format;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new RejectedScanException(Reason.EMPTY_FILE, "the file is empty (0 bytes)");
            }
            if (size > limits.maxFileBytes()) {
                throw new RejectedScanException(Reason.TOO_LARGE, "the file is " + mb(size)
                        + " MB, over the limit of " + mb(limits.maxFileBytes()) + " MB");
            }
            format = ScanFormat.sniff(file);
        } catch (IOException e) {
            throw new RejectedScanException(Reason.UNREADABLE_IMAGE, "cannot read the file: " + e.getMessage(), e);
        }
        Decoded decoded = switch (format) {
            case JPEG, PNG, TIFF -> decodeImage(file, format, wanted);
            case PDF -> decodePdf(file, wanted);
            case UNKNOWN -> throw new RejectedScanException(Reason.UNSUPPORTED_FORMAT,
                    "not a JPEG, PNG, TIFF or PDF file (its first bytes match none of them)");
        };
        if (decoded.count() == 0) {
            throw new RejectedScanException(Reason.NO_PAGES, "the " + format + " file holds no pages");
        }
        return decoded;
    }

    private Decoded decodeImage(Path file, ScanFormat format, IntPredicate wanted) throws RejectedScanException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedScanException(Reason.UNSUPPORTED_FORMAT, "no decoder for this " + format + " file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                int count = format == ScanFormat.TIFF ? reader.getNumImages(true) : 1;
                if (count > limits.maxPages()) {
                    throw new RejectedScanException(Reason.TOO_MANY_PAGES,
                            "the file has " + count + " pages, over the limit of " + limits.maxPages());
                }
                List<PageImage> pages = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
                    if (pixels > limits.maxPixelsPerPage()) {
                        throw new RejectedScanException(Reason.TOO_MANY_PIXELS, "page " + (i + 1) + " is "
                                + reader.getWidth(i) + "x" + reader.getHeight(i) + " pixels, over the limit of "
                                + limits.maxPixelsPerPage() / 1_000_000 + " megapixels");
                    }
                    if (!wanted.test(i + 1)) {
                        continue;
                    }
                    float dpi = dpiOf(reader.getImageMetadata(i));
                    BufferedImage image = reader.read(i);
                    boolean plausible = dpi >= 70 && dpi <= 1200;
                    pages.add(new PageImage(i + 1, image, plausible ? dpi : ASSUMED_DPI, plausible,
                            Optional.of(new PageSource(file, format, i))));
                }
                return new Decoded(format, count, pages);
            } finally {
                reader.dispose();
            }
        } catch (RejectedScanException e) {
            throw e;
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new RejectedScanException(Reason.UNREADABLE_IMAGE,
                    "the " + format + " image is damaged or truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RejectedScanException(Reason.UNREADABLE_IMAGE, "cannot read the " + format + " image: "
                    + e.getMessage(), e);
        }
    }

    /** Horizontal resolution from the standard image metadata, or 0 when the file states none. */
    static float dpiOf(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
        if (sizes.getLength() == 0) {
            return 0;
        }
        try {
            float mmPerPixel = Float.parseFloat(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
            return mmPerPixel > 0 ? Math.round(25.4f / mmPerPixel) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Decoded decodePdf(Path file, IntPredicate wanted) throws RejectedScanException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int count = pdf.getNumberOfPages();
            if (count > limits.maxPages()) {
                throw new RejectedScanException(Reason.TOO_MANY_PAGES,
                        "the PDF has " + count + " pages, over the limit of " + limits.maxPages());
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            // an image larger than the page is drawn at (hugemono.pdf: 35,000 x 35,000 pixels on a page rendered
            // at the pixel limit) is decoded at the size drawn, not in full first: 1.2 GB of pixels otherwise,
            // which ran a 2 GB heap out of memory now and then. Pages drawn at their image's resolution, the
            // usual case, are not subsampled.
            renderer.setSubsamplingAllowed(true);
            List<PageImage> pages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                PDPage page = pdf.getPage(i);
                PDRectangle box = page.getCropBox();
                RenderPlan plan = renderPlan(page, box);
                float dpi = plan.dpi();
                double widthIn = box.getWidth() / 72.0;
                double heightIn = box.getHeight() / 72.0;
                double pixels = widthIn * heightIn * dpi * dpi;
                if (pixels > limits.maxPixelsPerPage()) {
                    dpi = (float) Math.floor(Math.sqrt(limits.maxPixelsPerPage() / (widthIn * heightIn)));
                    if (dpi < 50) {
                        throw new RejectedScanException(Reason.TOO_MANY_PIXELS, "page " + (i + 1) + " measures "
                                + Math.round(widthIn) + "x" + Math.round(heightIn) + " inches, too large to render");
                    }
                }
                if (!wanted.test(i + 1)) {
                    continue;
                }
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, plan.type());
                pages.add(new PageImage(i + 1, image, dpi, true, Optional.of(new PageSource(file, ScanFormat.PDF, i))));
            }
            return new Decoded(ScanFormat.PDF, count, pages);
        } catch (InvalidPasswordException e) {
            throw new RejectedScanException(Reason.ENCRYPTED_PDF,
                    "the PDF is protected by a password; remove the protection and submit it again", e);
        } catch (RejectedScanException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RejectedScanException(Reason.BROKEN_PDF, "the PDF is damaged and cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** How to render a page: at the resolution of its largest image, in the colour of its images. */
    private record RenderPlan(float dpi, ImageType type) {
    }

    /**
     * A scanned page is rendered at the resolution of its largest image, so that no detail is lost and no
     * pixels are invented, and as bilevel or grey when all its images are, so that the archive copy stays
     * as compact as the scan.
     */
    private static RenderPlan renderPlan(PDPage page, PDRectangle box) {
        float best = 0;
        boolean allBilevel = true;
        boolean allGrey = true;
        PDResources resources = page.getResources();
        if (resources != null) {
            for (COSName name : resources.getXObjectNames()) {
                try {
                    PDXObject object = resources.getXObject(name);
                    if (object instanceof PDImageXObject image && box.getWidth() > 0) {
                        float widthIn = box.getWidth() / 72f;
                        float heightIn = box.getHeight() / 72f;
                        boolean landscape = image.getWidth() > image.getHeight() != widthIn > heightIn;
                        float dpi = landscape ? image.getWidth() / heightIn : image.getWidth() / widthIn;
                        best = Math.max(best, dpi);
                        int components = image.getColorSpace().getNumberOfComponents();
                        allBilevel &= image.getBitsPerComponent() == 1 && components == 1;
                        allGrey &= components == 1;
                    }
                } catch (IOException e) {
                    // an unreadable resource is reported when the page is rendered
                }
            }
        }
        if (best == 0) {
            return new RenderPlan(ASSUMED_DPI, ImageType.RGB);
        }
        ImageType type = allBilevel ? ImageType.BINARY : allGrey ? ImageType.GRAY : ImageType.RGB;
        return new RenderPlan(Math.max(MIN_PDF_DPI, Math.min(MAX_PDF_DPI, Math.round(best))), type);
    }

    private static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
