package vn.sohoa.pipeline.intake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
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
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.w3c.dom.NodeList;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;

/**
 * Intake: turns a scanned file (JPEG, PNG, TIFF with any number of pages, or an image-only PDF) into
 * pages, decoded one at a time on demand, enforcing {@link IntakeLimits} before decoding anything large.
 */
public final class ScanDecoder {

    /** Resolution assumed for images whose file states none, until cleanup estimates a better one. */
    public static final float ASSUMED_DPI = 300f;
    private static final float MIN_PDF_DPI = 150f;
    private static final float MAX_PDF_DPI = 400f;

    private final IntakeLimits limits;
    private final AtomicLong decodedPages = new AtomicLong();

    public ScanDecoder(IntakeLimits limits) {
        this.limits = limits;
    }

    /** Every page of the file at once: for small files and tests; a stage that goes through pages uses {@link #open}. */
    public List<PageImage> decode(Path file) throws RejectedScanException {
        try (Pages pages = open(file)) {
            List<PageImage> all = new ArrayList<>(pages.count());
            for (int number = 1; number <= pages.count(); number++) {
                all.add(pages.page(number));
            }
            return all;
        }
    }

    /**
     * The file's format and page count, held to the limits (size, pages, pixels a page) without decoding any
     * pixels: the check an intake makes before it acknowledges a file and leaves the decoding to a worker.
     */
    public ScanOutline outline(Path file) throws RejectedScanException {
        try (FilePages pages = open(file)) {
            for (int number = 1; number <= pages.count(); number++) {
                pages.checkSize(number);
            }
            return new ScanOutline(pages.format(), pages.count());
        }
    }

    /**
     * The pages numbered {@code numbers} (1-based, in that order), decoded exactly as {@link #decode} decodes
     * them, numbered as in the file and held to the same limits: for a stage that reads some pages of a file.
     */
    public List<PageImage> decodePages(Path file, List<Integer> numbers) throws RejectedScanException {
        try (Pages pages = open(file)) {
            List<PageImage> chosen = new ArrayList<>(numbers.size());
            for (int number : numbers) {
                chosen.add(pages.page(number));
            }
            return chosen;
        }
    }

    /**
     * The file's pages, each decoded when asked for: the file's size and page count are held to the limits
     * now (the count of a TIFF before its directories are parsed), each page's pixels and decoding time when
     * it is decoded.
     */
    public FilePages open(Path file) throws RejectedScanException {
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
        FilePages pages = switch (format) {
            case JPEG, PNG, TIFF -> openImage(file, format);
            case PDF -> openPdf(file);
            case UNKNOWN -> throw new RejectedScanException(Reason.UNSUPPORTED_FORMAT,
                    "not a JPEG, PNG, TIFF or PDF file (its first bytes match none of them)");
        };
        if (pages.count() == 0) {
            pages.close();
            throw new RejectedScanException(Reason.NO_PAGES, "the " + format + " file holds no pages");
        }
        return pages;
    }

    /** Pages decoded by this decoder so far, over all files: how often pixels were decoded. */
    public long pagesDecoded() {
        return decodedPages.get();
    }

    /** The pages of one open file, of a known format. */
    public abstract static sealed class FilePages implements Pages permits ImagePages, PdfPages {

        private final Path file;
        private final ScanFormat format;
        private final int count;

        FilePages(Path file, ScanFormat format, int count) {
            this.file = file;
            this.format = format;
            this.count = count;
        }

        public ScanFormat format() {
            return format;
        }

        @Override
        public int count() {
            return count;
        }

        Path file() {
            return file;
        }

        /** Holds page {@code number} to the pixel limit without decoding it. */
        abstract void checkSize(int number) throws RejectedScanException;

        int index(int number) {
            if (number < 1 || number > count) {
                throw new IllegalArgumentException("no page " + number + " in " + file + ", which has " + count + " pages");
            }
            return number - 1;
        }
    }

    private FilePages openImage(Path file, ScanFormat format) throws RejectedScanException {
        if (format == ScanFormat.TIFF) {
            int claimed;
            try {
                claimed = TiffDirectories.count(file, limits.maxPages() + 1);
            } catch (IOException e) {
                throw new RejectedScanException(Reason.UNREADABLE_IMAGE, "cannot read the TIFF image: " + e.getMessage(), e);
            }
            if (claimed > limits.maxPages()) {
                throw new RejectedScanException(Reason.TOO_MANY_PAGES, "the file has more than " + limits.maxPages()
                        + " pages, over the limit of " + limits.maxPages());
            }
        }
        ImageInputStream in = null;
        ImageReader reader = null;
        try {
            in = ImageIO.createImageInputStream(file.toFile());
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new RejectedScanException(Reason.UNSUPPORTED_FORMAT, "no decoder for this " + format + " file");
            }
            reader = readers.next();
            reader.setInput(in, false, false);
            int count = format == ScanFormat.TIFF ? reader.getNumImages(true) : 1;
            if (count > limits.maxPages()) {
                throw new RejectedScanException(Reason.TOO_MANY_PAGES,
                        "the file has " + count + " pages, over the limit of " + limits.maxPages());
            }
            return new ImagePages(file, format, count, in, reader);
        } catch (RejectedScanException | IOException | RuntimeException e) {
            if (reader != null) {
                reader.dispose();
            }
            closeQuietly(in);
            throw imageFailure(format, e);
        }
    }

    /** Why an image file or one of its pages cannot be decoded, as the rejection it leads to. */
    private static RejectedScanException imageFailure(ScanFormat format, Exception e) {
        if (e instanceof RejectedScanException rejected) {
            return rejected;
        }
        if (e instanceof IIOException || e instanceof IndexOutOfBoundsException || e instanceof IllegalArgumentException) {
            return new RejectedScanException(Reason.UNREADABLE_IMAGE,
                    "the " + format + " image is damaged or truncated: " + e.getMessage(), e);
        }
        if (e instanceof IOException) {
            return new RejectedScanException(Reason.UNREADABLE_IMAGE, "cannot read the " + format + " image: "
                    + e.getMessage(), e);
        }
        throw (RuntimeException) e;
    }

    private static void closeQuietly(AutoCloseable open) {
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (Exception e) {
            // only read from: nothing is lost
        }
    }

    /** The pages of a JPEG, PNG or TIFF file, decoded by one open reader. */
    final class ImagePages extends FilePages {

        private final ImageInputStream in;
        private final ImageReader reader;
        private final DecodeWatch watch = new DecodeWatch();

        ImagePages(Path file, ScanFormat format, int count, ImageInputStream in, ImageReader reader) {
            super(file, format, count);
            this.in = in;
            this.reader = reader;
            reader.addIIOReadProgressListener(watch);
        }

        @Override
        void checkSize(int number) throws RejectedScanException {
            int i = index(number);
            try {
                int width = reader.getWidth(i);
                int height = reader.getHeight(i);
                int bits = bitsPerPixel(reader, i);
                if (limits.tooManyPixels(width, height, bits)) {
                    throw new RejectedScanException(Reason.TOO_MANY_PIXELS, "page " + number + " is " + width + "x"
                            + height + " pixels of " + bits + " bits, over the limit of "
                            + limits.maxPixelsPerPage() / 1_000_000 + " megapixels (of "
                            + IntakeLimits.REFERENCE_BITS_PER_PIXEL + " bits; deeper pixels count for more)");
                }
            } catch (IOException | RuntimeException e) {
                throw imageFailure(format(), e);
            }
        }

        @Override
        public PageImage page(int number) throws RejectedScanException {
            int i = index(number);
            checkSize(number);
            try {
                float dpi = dpiOf(reader.getImageMetadata(i));
                watch.start(limits.maxDecodeTime());
                BufferedImage image = reader.read(i);
                if (watch.expired()) {
                    throw new RejectedScanException(Reason.DECODE_TIMEOUT, "page " + number + " took longer than "
                            + limits.maxDecodeTime().toSeconds() + " s to decode and was stopped");
                }
                decodedPages.incrementAndGet();
                boolean plausible = dpi >= 70 && dpi <= 1200;
                return new PageImage(number, image, plausible ? dpi : ASSUMED_DPI, plausible,
                        Optional.of(new PageSource(file(), format(), i)));
            } catch (IOException | RuntimeException e) {
                throw imageFailure(format(), e);
            }
        }

        @Override
        public void close() {
            reader.dispose();
            closeQuietly(in);
        }
    }

    /** Bits of one decoded pixel, from the file's own pixel layout; 24 when the decoder cannot say. */
    private static int bitsPerPixel(ImageReader reader, int index) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(index);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(index);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return IntakeLimits.REFERENCE_BITS_PER_PIXEL;
        }
        int bits = 0;
        for (int sample : type.getSampleModel().getSampleSize()) {
            bits += sample;
        }
        return bits;
    }

    /**
     * Stops a decoder that runs past its deadline: decoders report their progress row by row, and are asked to
     * abort there, which they do before the next row.
     */
    private static final class DecodeWatch implements IIOReadProgressListener {

        private volatile long deadline;
        private volatile boolean expired;

        void start(Duration limit) {
            expired = false;
            deadline = System.nanoTime() + limit.toNanos();
        }

        boolean expired() {
            return expired;
        }

        private void check(ImageReader source) {
            if (System.nanoTime() - deadline >= 0) {
                expired = true;
                source.abort();
            }
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
            check(source);
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            check(source);
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
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

    private FilePages openPdf(Path file) throws RejectedScanException {
        PDDocument pdf = null;
        try {
            pdf = Loader.loadPDF(file.toFile());
            int count = pdf.getNumberOfPages();
            if (count > limits.maxPages()) {
                throw new RejectedScanException(Reason.TOO_MANY_PAGES,
                        "the PDF has " + count + " pages, over the limit of " + limits.maxPages());
            }
            return new PdfPages(file, count, pdf);
        } catch (RejectedScanException | IOException | RuntimeException e) {
            closeQuietly(pdf);
            throw pdfFailure(e);
        }
    }

    private static RejectedScanException pdfFailure(Exception e) {
        if (e instanceof RejectedScanException rejected) {
            return rejected;
        }
        if (e instanceof InvalidPasswordException) {
            return new RejectedScanException(Reason.ENCRYPTED_PDF,
                    "the PDF is protected by a password; remove the protection and submit it again", e);
        }
        return new RejectedScanException(Reason.BROKEN_PDF, "the PDF is damaged and cannot be read: "
                + e.getMessage(), e);
    }

    /** The pages of an image-only PDF, rendered by one open document. */
    final class PdfPages extends FilePages {

        private final PDDocument pdf;
        private final DeadlineRenderer renderer;

        PdfPages(Path file, int count, PDDocument pdf) {
            super(file, ScanFormat.PDF, count);
            this.pdf = pdf;
            this.renderer = new DeadlineRenderer(pdf);
            // an image larger than the page is drawn at (hugemono.pdf: 35,000 x 35,000 pixels on a page rendered
            // at the pixel limit) is decoded at the size drawn, not in full first. Pages drawn at their image's
            // resolution, the usual case, are not subsampled.
            renderer.setSubsamplingAllowed(true);
        }

        /** The resolution page {@code number} is rendered at, within the pixel limit. */
        private float dpi(int number, PDPage page, RenderPlan plan) throws RejectedScanException {
            PDRectangle box = page.getCropBox();
            float dpi = plan.dpi();
            double widthIn = box.getWidth() / 72.0;
            double heightIn = box.getHeight() / 72.0;
            double pixels = widthIn * heightIn * dpi * dpi;
            if (pixels > limits.maxPixelsPerPage()) {
                dpi = (float) Math.floor(Math.sqrt(limits.maxPixelsPerPage() / (widthIn * heightIn)));
                if (dpi < 50) {
                    throw new RejectedScanException(Reason.TOO_MANY_PIXELS, "page " + number + " measures "
                            + Math.round(widthIn) + "x" + Math.round(heightIn) + " inches, too large to render");
                }
            }
            return dpi;
        }

        @Override
        void checkSize(int number) throws RejectedScanException {
            try {
                PDPage page = pdf.getPage(index(number));
                dpi(number, page, renderPlan(page, page.getCropBox()));
            } catch (RuntimeException e) {
                throw pdfFailure(e);
            }
        }

        @Override
        public PageImage page(int number) throws RejectedScanException {
            int i = index(number);
            try {
                PDPage page = pdf.getPage(i);
                RenderPlan plan = renderPlan(page, page.getCropBox());
                float dpi = dpi(number, page, plan);
                renderer.start(limits.maxDecodeTime());
                BufferedImage image;
                try {
                    image = renderer.renderImageWithDPI(i, dpi, plan.type());
                } catch (RenderTimeout e) {
                    image = null;
                }
                if (renderer.expired()) {
                    throw new RejectedScanException(Reason.DECODE_TIMEOUT, "page " + number + " took longer than "
                            + limits.maxDecodeTime().toSeconds() + " s to render and was stopped");
                }
                decodedPages.incrementAndGet();
                return new PageImage(number, image, dpi, true, Optional.of(new PageSource(file(), ScanFormat.PDF, i)));
            } catch (RejectedScanException | IOException | RuntimeException e) {
                throw pdfFailure(e);
            }
        }

        @Override
        public void close() {
            closeQuietly(pdf);
        }
    }

    /** Thrown out of a page's drawing when its time is up. */
    private static final class RenderTimeout extends RuntimeException {
        RenderTimeout() {
            super("rendering took too long", null, false, false);
        }
    }

    /**
     * A renderer that stops drawing a page at its deadline: the time is checked before every drawing operator,
     * and the drawing left by an unchecked exception (PDFBox forgives the checked ones of a form).
     */
    private static final class DeadlineRenderer extends PDFRenderer {

        private volatile long deadline;
        private volatile boolean expired;

        DeadlineRenderer(PDDocument document) {
            super(document);
        }

        void start(Duration limit) {
            expired = false;
            deadline = System.nanoTime() + limit.toNanos();
        }

        boolean expired() {
            return expired;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (System.nanoTime() - deadline >= 0) {
                        expired = true;
                        throw new RenderTimeout();
                    }
                    super.processOperator(operator, operands);
                }
            };
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
