package vn.sohoa.pipeline.pdf;

import com.ochafik.lang.jnaerator.runtime.NativeSizeByReference;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Optional;
import net.sourceforge.lept4j.ILeptonica;
import net.sourceforge.lept4j.Leptonica1;
import net.sourceforge.lept4j.Pix;

/**
 * CCITT Group 4 compression of a bilevel page by Leptonica (libtiff), as a one-strip TIFF that PDFBox takes
 * without decoding: about 10 times faster than PDFBox's own encoder (190-225 ms on a 300 dpi A4 page), the
 * same lossless result. Empty for image layouts other than a plain packed 1-bit raster.
 */
final class CcittG4 {

    private CcittG4() {
    }

    static Optional<byte[]> tiff(BufferedImage bilevel) throws IOException {
        WritableRaster raster = bilevel.getRaster();
        if (raster.getParent() != null || !(raster.getSampleModel() instanceof MultiPixelPackedSampleModel model)
                || model.getPixelBitStride() != 1 || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || buffer.getOffset() != 0 || model.getDataBitOffset() != 0) {
            return Optional.empty();
        }
        int width = bilevel.getWidth();
        int height = bilevel.getHeight();
        int stride = model.getScanlineStride();
        byte[] bits = buffer.getData();
        // Leptonica's 1 is black; the image's 1 is whatever its palette says
        boolean oneIsWhite = (bilevel.getColorModel().getRGB(1) & 0xff) > (bilevel.getColorModel().getRGB(0) & 0xff);
        Pix pix = Leptonica1.pixCreate(width, height, 1);
        if (pix == null) {
            throw new IOException("Leptonica could not allocate a " + width + "x" + height + " bilevel page");
        }
        try {
            int wordsPerLine = Leptonica1.pixGetWpl(pix);
            Pointer data = Leptonica1.pixGetData(pix).getPointer();
            int[] line = new int[wordsPerLine];
            for (int y = 0; y < height; y++) {
                int row = y * stride;
                for (int w = 0; w < wordsPerLine; w++) {
                    int word = 0;
                    for (int k = 0; k < 4; k++) {
                        int i = w * 4 + k;
                        int b = i < stride ? bits[row + i] & 0xff : 0;
                        word = word << 8 | (oneIsWhite ? ~b & 0xff : b);
                    }
                    line[w] = word;
                }
                data.write((long) y * wordsPerLine * 4, line, 0, wordsPerLine);
            }
            Leptonica1.pixSetPadBits(pix, 0);
            PointerByReference out = new PointerByReference();
            NativeSizeByReference size = new NativeSizeByReference();
            if (Leptonica1.pixWriteMemTiff(out, size, pix, ILeptonica.IFF_TIFF_G4) != 0 || out.getValue() == null) {
                throw new IOException("Leptonica could not compress the page as CCITT G4");
            }
            try {
                return Optional.of(out.getValue().getByteArray(0, (int) size.getValue().longValue()));
            } finally {
                Leptonica1.lept_free(out.getValue());
            }
        } finally {
            Leptonica1.pixDestroy(new PointerByReference(pix.getPointer()));
        }
    }
}
