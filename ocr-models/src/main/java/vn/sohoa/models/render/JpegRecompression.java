package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** JPEG round trip at a quality in [0, 1]: block artefacts and ringing around text. Grey stays grey. */
public record JpegRecompression(float quality) implements Degradation {

    public JpegRecompression {
        if (quality < 0 || quality > 1) {
            throw new IllegalArgumentException("JPEG quality must be in [0, 1], was " + quality);
        }
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage source = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? image : Degradation.asRgb(image);
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encode(source, quality)));
            return source.getType() == BufferedImage.TYPE_BYTE_GRAY ? decoded : Degradation.asRgb(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip failed: " + e.getMessage(), e);
        }
    }

    /** JPEG bytes of an RGB or grey image at {@code quality}. */
    static byte[] encode(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "jpeg-q%.0f", quality * 100);
    }
}
