package vn.sohoa.pipeline.pdf;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The compressed pixels of a PNG file as a PDF can hold them without decoding: the concatenated IDAT data
 * is a zlib stream with PNG row filters, which is FlateDecode with predictor 15. Only for the PNGs a PDF
 * image takes as they are: not interlaced, no alpha or transparency, grey, RGB or palette, 8 bits or fewer
 * per component (16-bit and alpha PNGs are decoded and compressed again).
 */
record PngStream(int width, int height, int bitDepth, int colourType, byte[] palette, byte[] data) {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;

    int colours() {
        return colourType == RGB ? 3 : 1;
    }

    static Optional<PngStream> read(byte[] png) {
        if (png.length < 8 + 25 || (png[0] & 0xff) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            return Optional.empty();
        }
        int width = 0;
        int height = 0;
        int bitDepth = 0;
        int colourType = -1;
        byte[] palette = null;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int i = 8;
        while (i + 8 <= png.length) {
            long length = ((png[i] & 0xffL) << 24) | ((png[i + 1] & 0xff) << 16) | ((png[i + 2] & 0xff) << 8) | (png[i + 3] & 0xff);
            String type = new String(png, i + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int body = i + 8;
            if (length > png.length - body - 4) {
                return Optional.empty();
            }
            int n = (int) length;
            switch (type) {
                case "IHDR" -> {
                    width = int32(png, body);
                    height = int32(png, body + 4);
                    bitDepth = png[body + 8] & 0xff;
                    colourType = png[body + 9] & 0xff;
                    int interlace = png[body + 12] & 0xff;
                    if (interlace != 0) {
                        return Optional.empty();
                    }
                }
                case "PLTE" -> palette = Arrays.copyOfRange(png, body, body + n);
                case "tRNS" -> {
                    return Optional.empty();
                }
                case "IDAT" -> data.write(png, body, n);
                case "IEND" -> i = png.length;
                default -> {
                }
            }
            i = i >= png.length ? i : body + n + 4;
        }
        boolean supported = (colourType == GREY && bitDepth <= 8) || (colourType == RGB && bitDepth == 8)
                || (colourType == PALETTE && bitDepth <= 8 && palette != null);
        if (!supported || width <= 0 || height <= 0 || data.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(new PngStream(width, height, bitDepth, colourType, palette, data.toByteArray()));
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
