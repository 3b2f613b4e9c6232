package vn.sohoa.pipeline.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import net.sourceforge.lept4j.Leptonica1;
import net.sourceforge.lept4j.Pix;

/**
 * An 8-bit grey page as the Leptonica image Tesseract reads, carrying its resolution. Giving Tesseract raw
 * bytes instead leaves the image at 0 dpi, which its orientation detection reports once per page
 * ("Invalid resolution 0 dpi. Using 70 instead.") and then misjudges sizes with. Tesseract copies the image
 * when it is set, so the caller frees it right after.
 */
final class LeptonicaPage implements AutoCloseable {

    private final Pix pix;

    LeptonicaPage(BufferedImage grey, int dpi) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int stride = grey.getRaster().getSampleModel() instanceof ComponentSampleModel csm ? csm.getScanlineStride() : width;
        pix = Leptonica1.pixCreate(width, height, 8);
        if (pix == null) {
            throw new IllegalStateException("Leptonica could not allocate a " + width + "x" + height + " page");
        }
        Leptonica1.pixSetResolution(pix, dpi, dpi);
        int wordsPerLine = Leptonica1.pixGetWpl(pix);
        Pointer data = Leptonica1.pixGetData(pix).getPointer();
        int[] line = new int[wordsPerLine];
        for (int y = 0; y < height; y++) {
            int offset = y * stride;
            // Leptonica keeps pixels in 32-bit words, the leftmost pixel in the most significant byte
            for (int w = 0; w < wordsPerLine; w++) {
                int x = w * 4;
                int word = 0;
                for (int k = 0; k < 4; k++) {
                    int value = x + k < width ? pixels[offset + x + k] & 0xff : 0xff;
                    word = word << 8 | value;
                }
                line[w] = word;
            }
            data.write((long) y * wordsPerLine * 4, line, 0, wordsPerLine);
        }
    }

    Pix pix() {
        return pix;
    }

    @Override
    public void close() {
        PointerByReference reference = new PointerByReference(pix.getPointer());
        Leptonica1.pixDestroy(reference);
    }
}
