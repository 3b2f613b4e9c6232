package vn.sohoa.pipeline.pdf;

import java.util.Optional;

/**
 * What the markers before a JPEG's first scan say: size, number of colour components, and the quality it
 * was saved at, estimated from its luminance quantization table against the IJG tables every common
 * encoder scales (quality 50 is the table itself; 100 is all ones).
 */
record JpegHeader(int width, int height, int components, int quality) {

    private static final int[] IJG_LUMINANCE = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

    /** The header of {@code jpeg}; empty when the markers are not those of a JPEG with a frame and a table. */
    static Optional<JpegHeader> read(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
            return Optional.empty();
        }
        int width = 0;
        int height = 0;
        int components = 0;
        int quality = 0;
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            int body = i + 4;
            if (length < 2 || i + 2 + length > jpeg.length) {
                return Optional.empty();
            }
            if (marker == 0xDB) {
                quality = Math.max(quality, luminanceQuality(jpeg, body, i + 2 + length));
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                height = ((jpeg[body + 1] & 0xff) << 8) | (jpeg[body + 2] & 0xff);
                width = ((jpeg[body + 3] & 0xff) << 8) | (jpeg[body + 4] & 0xff);
                components = jpeg[body + 5] & 0xff;
            } else if (marker == 0xDA) {
                break;
            }
            i += 2 + length;
        }
        return width > 0 && components > 0 && quality > 0
                ? Optional.of(new JpegHeader(width, height, components, quality)) : Optional.empty();
    }

    /** The quality of table 0 in a DQT segment, 0 when the segment has no table 0. */
    private static int luminanceQuality(byte[] jpeg, int from, int to) {
        int i = from;
        while (i < to) {
            int precision = (jpeg[i] & 0xff) >> 4;
            int id = jpeg[i] & 0x0f;
            i++;
            long sum = 0;
            for (int k = 0; k < 64 && i < to; k++) {
                sum += precision == 0 ? jpeg[i] & 0xff : ((jpeg[i] & 0xff) << 8) | (jpeg[i + 1] & 0xff);
                i += precision == 0 ? 1 : 2;
            }
            if (id == 0) {
                long standard = 0;
                for (int v : IJG_LUMINANCE) {
                    standard += v;
                }
                double scale = 100.0 * sum / standard;
                double q = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
                return (int) Math.max(1, Math.min(100, Math.round(q)));
            }
        }
        return 0;
    }
}
