package vn.sohoa.models.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void aTiffStatesItsResolutionInDotsPerInchAsScannersDo() throws Exception {
        Path file = dir.resolve("page.tif");
        BufferedImage page = Degradation.bilevel(128).apply(new BufferedImage(100, 140, BufferedImage.TYPE_INT_RGB));
        ScanFileWriter.write(List.of(page), 200, ScanFormat.TIFF, file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("tiff").next();
            reader.setInput(in);
            TIFFDirectory directory = TIFFDirectory.createFromMetadata(reader.getImageMetadata(0));
            long[] x = directory.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION).getAsRational(0);
            assertThat((double) x[0] / x[1]).isEqualTo(200.0);
            assertThat(directory.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT).getAsInt(0))
                    .isEqualTo(BaselineTIFFTagSet.RESOLUTION_UNIT_INCH);
        }
    }
}
