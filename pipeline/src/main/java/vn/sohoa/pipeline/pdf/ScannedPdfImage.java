package vn.sohoa.pipeline.pdf;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * The scanned image of a page of an image-only PDF (what scanners "scan to PDF" write: one image drawn over
 * the whole page, perhaps invisible text), copied into the archive copy with its compressed bytes as they
 * are, so that a scanner's JPEG or G4 is not decoded and compressed a second time. Only when copying is
 * certainly right: one image and nothing else visible, drawn upright over the whole page of a page not
 * turned by /Rotate, of the size the page was decoded at, compressed with DCT, CCITT or Flate, grey, RGB or
 * indexed, without masks; anything else is compressed anew from the decoded page.
 */
final class ScannedPdfImage {

    private static final Set<COSName> COPYABLE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.CCITTFAX_DECODE,
            COSName.FLATE_DECODE);

    private ScannedPdfImage() {
    }

    static Optional<PDImageXObject> copy(PDDocument target, PDDocument source, int pageIndex, BufferedImage decoded)
            throws IOException {
        if (pageIndex >= source.getNumberOfPages()) {
            return Optional.empty();
        }
        PDPage page = source.getPage(pageIndex);
        if (page.getRotation() % 360 != 0) {
            return Optional.empty();
        }
        Draws draws = new Draws(page);
        draws.processPage(page);
        if (draws.visibleOtherThanImages || draws.images.size() != 1 || !(draws.images.get(0) instanceof PDImageXObject image)) {
            return Optional.empty();
        }
        if (!coversPage(draws.placement, page.getCropBox())
                || Math.abs(image.getWidth() - decoded.getWidth()) > 2 || Math.abs(image.getHeight() - decoded.getHeight()) > 2) {
            return Optional.empty();
        }
        COSStream stored = image.getCOSObject();
        if (image.isStencil() || stored.containsKey(COSName.SMASK) || stored.containsKey(COSName.MASK)
                || image.getBitsPerComponent() > 8 || !copyableFilters(stored.getFilters())) {
            return Optional.empty();
        }
        Optional<COSBase> colourSpace = colourSpace(stored.getDictionaryObject(COSName.COLORSPACE, COSName.CS));
        if (colourSpace.isEmpty()) {
            return Optional.empty();
        }
        COSStream copy = target.getDocument().createCOSStream();
        try (InputStream in = stored.createRawInputStream(); OutputStream out = copy.createRawOutputStream()) {
            in.transferTo(out);
        }
        copy.setItem(COSName.TYPE, COSName.XOBJECT);
        copy.setItem(COSName.SUBTYPE, COSName.IMAGE);
        copy.setInt(COSName.WIDTH, image.getWidth());
        copy.setInt(COSName.HEIGHT, image.getHeight());
        copy.setInt(COSName.BITS_PER_COMPONENT, image.getBitsPerComponent());
        copy.setItem(COSName.COLORSPACE, colourSpace.get());
        copy.setItem(COSName.FILTER, stored.getFilters());
        COSBase parameters = stored.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
        if (parameters != null) {
            Optional<COSBase> plain = plainCopy(parameters);
            if (plain.isEmpty()) {
                return Optional.empty();
            }
            copy.setItem(COSName.DECODE_PARMS, plain.get());
        }
        if (stored.getDictionaryObject(COSName.DECODE, COSName.D) instanceof COSArray decode) {
            Optional<COSBase> plain = plainCopy(decode);
            if (plain.isEmpty()) {
                return Optional.empty();
            }
            copy.setItem(COSName.DECODE, plain.get());
        }
        return Optional.of(new PDImageXObject(new PDStream(copy), null));
    }

    /** The image fills the crop box, upright and unmirrored, to within half a percent. */
    private static boolean coversPage(Matrix m, PDRectangle box) {
        if (m == null) {
            return false;
        }
        double tolerance = 0.005 * Math.max(box.getWidth(), box.getHeight());
        return Math.abs(m.getShearX()) < 1e-3 && Math.abs(m.getShearY()) < 1e-3 && m.getScaleX() > 0 && m.getScaleY() > 0
                && Math.abs(m.getTranslateX() - box.getLowerLeftX()) <= tolerance
                && Math.abs(m.getTranslateY() - box.getLowerLeftY()) <= tolerance
                && Math.abs(m.getScaleX() - box.getWidth()) <= tolerance
                && Math.abs(m.getScaleY() - box.getHeight()) <= tolerance;
    }

    private static boolean copyableFilters(COSBase filters) {
        if (filters instanceof COSName name) {
            return COPYABLE_FILTERS.contains(name);
        }
        if (filters instanceof COSArray array && array.size() > 0) {
            for (COSBase f : array) {
                if (!(f instanceof COSName name) || !COPYABLE_FILTERS.contains(name)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Device grey and RGB as they are, ICC-based ones as the device space of as many components (the copy's
     * output intent is sRGB), indexed ones over those with the palette inline; empty for any other.
     */
    private static Optional<COSBase> colourSpace(COSBase space) throws IOException {
        if (COSName.DEVICEGRAY.equals(space) || COSName.DEVICERGB.equals(space)) {
            return Optional.of(space);
        }
        if (space instanceof COSArray array && array.size() >= 2 && array.getObject(0) instanceof COSName family) {
            if (COSName.ICCBASED.equals(family) && array.getObject(1) instanceof COSStream profile) {
                int n = profile.getInt(COSName.N);
                return n == 1 ? Optional.of(COSName.DEVICEGRAY) : n == 3 ? Optional.of(COSName.DEVICERGB) : Optional.empty();
            }
            if (COSName.INDEXED.equals(family) && array.size() == 4) {
                Optional<COSBase> base = colourSpace(array.getObject(1));
                COSBase lookup = array.getObject(3);
                byte[] palette = lookup instanceof COSString s ? s.getBytes()
                        : lookup instanceof COSStream st ? st.createInputStream().readAllBytes() : null;
                if (base.isEmpty() || palette == null || !(array.getObject(2) instanceof COSNumber hival)) {
                    return Optional.empty();
                }
                COSArray indexed = new COSArray();
                indexed.add(COSName.INDEXED);
                indexed.add(base.get());
                indexed.add(hival);
                indexed.add(new COSString(palette));
                return Optional.of(indexed);
            }
        }
        return Optional.empty();
    }

    /** A copy of decode parameters or a decode array made only of names, numbers and booleans. */
    private static Optional<COSBase> plainCopy(COSBase value) {
        if (value instanceof COSArray array) {
            COSArray copy = new COSArray();
            for (COSBase item : array) {
                Optional<COSBase> plain = plainCopy(item instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : item);
                if (plain.isEmpty()) {
                    return Optional.empty();
                }
                copy.add(plain.get());
            }
            return Optional.of(copy);
        }
        if (value instanceof COSStream) {
            return Optional.empty();
        }
        if (value instanceof COSDictionary dictionary) {
            COSDictionary copy = new COSDictionary();
            for (var entry : dictionary.entrySet()) {
                Optional<COSBase> plain = plainCopy(dictionary.getDictionaryObject(entry.getKey()));
                if (plain.isEmpty()) {
                    return Optional.empty();
                }
                copy.setItem(entry.getKey(), plain.get());
            }
            return Optional.of(copy);
        }
        if (value instanceof COSName || value instanceof COSNumber || value instanceof org.apache.pdfbox.cos.COSBoolean
                || value instanceof org.apache.pdfbox.cos.COSNull) {
            return Optional.of(value);
        }
        return Optional.empty();
    }

    /** What a page's content draws: its images with where, and whether anything else would show. */
    private static final class Draws extends PDFGraphicsStreamEngine {

        final List<PDImage> images = new java.util.ArrayList<>();
        Matrix placement;
        boolean visibleOtherThanImages;

        Draws(PDPage page) {
            super(page);
        }

        @Override
        public void drawImage(PDImage image) {
            images.add(image);
            placement = getGraphicsState().getCurrentTransformationMatrix().clone();
        }

        @Override
        protected void showText(byte[] string) throws IOException {
            if (getGraphicsState().getTextState().getRenderingMode() != RenderingMode.NEITHER) {
                visibleOtherThanImages = true;
            }
        }

        @Override
        public void strokePath() {
            visibleOtherThanImages = true;
        }

        @Override
        public void fillPath(int windingRule) {
            visibleOtherThanImages = true;
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            visibleOtherThanImages = true;
        }

        @Override
        public void shadingFill(COSName shadingName) {
            visibleOtherThanImages = true;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }
    }
}
