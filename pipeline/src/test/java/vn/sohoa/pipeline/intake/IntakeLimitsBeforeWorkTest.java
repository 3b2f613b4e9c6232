package vn.sohoa.pipeline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.SharedCorpus;

/** The intake limits hold before the work they guard: page count, pixels by depth, and decoding time. */
class IntakeLimitsBeforeWorkTest {

    @TempDir
    Path dir;

    /** A little-endian TIFF of nothing but a chain of {@code directories} empty page directories. */
    private Path tiffClaiming(int directories) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8 + 6 * directories).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        for (int i = 0; i < directories; i++) {
            int next = i + 1 < directories ? 8 + 6 * (i + 1) : 0;
            bytes.putShort((short) 0).putInt(next);
        }
        return Files.write(dir.resolve("claims-" + directories + ".tif"), bytes.array());
    }

    @Test
    void aTiffClaimingManyPagesIsRefusedAfterCountingOnlyPastTheLimit() throws IOException {
        Path file = tiffClaiming(100_000);
        ScanDecoder decoder = new ScanDecoder(IntakeLimits.DEFAULT);

        assertThatThrownBy(() -> decoder.open(file))
                .isInstanceOf(RejectedScanException.class)
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.TOO_MANY_PAGES))
                .hasMessageContaining("more than 500 pages");
        assertThatThrownBy(() -> decoder.outline(file))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.TOO_MANY_PAGES));
        // the count stops at the limit + 1: the other 99,499 directories are never read
        assertThat(TiffDirectories.count(file, 501)).isEqualTo(501);
        assertThat(TiffDirectories.count(file, 200_000)).isEqualTo(100_000);
        assertThat(decoder.pagesDecoded()).isZero();
    }

    @Test
    void theDirectoryCountEndsAtALoopOrAChainLeavingTheFile() throws IOException {
        ByteBuffer loop = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        loop.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        loop.putShort((short) 0).putInt(14);
        loop.putShort((short) 0).putInt(8);
        Path looping = Files.write(dir.resolve("loop.tif"), loop.array());
        assertThat(TiffDirectories.count(looping, 1000)).isEqualTo(2);

        ByteBuffer away = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
        away.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        away.putShort((short) 0).putInt(1 << 30);
        assertThat(TiffDirectories.count(Files.write(dir.resolve("away.tif"), away.array()), 1000)).isEqualTo(1);
    }

    @Test
    void aRealMultiPageTiffIsCountedAsItsDecoderCountsIt() throws IOException {
        assertThat(TiffDirectories.count(SharedCorpus.file("real-scans/vietsample.tif"), 1000)).isEqualTo(2);
    }

    /** A {@code width} x {@code height} RGB PNG of 16 bits a sample (48 bits a pixel). */
    private Path sixteenBitRgb(int width, int height) throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        BufferedImage image = new BufferedImage(model, raster, false, null);
        Path file = dir.resolve("deep.png");
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
        return file;
    }

    @Test
    void aSixteenBitPageIsOverThePixelLimitByItsDepth() throws Exception {
        // 600,000 pixels, under a 1,000,000-pixel limit as 8-bit colour, over it at 48 bits (twice 24)
        IntakeLimits limits = new IntakeLimits(1L << 30, 10, 1_000_000);
        Path deep = sixteenBitRgb(1000, 600);
        Path shallow = dir.resolve("shallow.png");
        ImageIO.write(new BufferedImage(1000, 600, BufferedImage.TYPE_3BYTE_BGR), "png", shallow.toFile());
        ScanDecoder decoder = new ScanDecoder(limits);

        assertThat(decoder.outline(shallow).pages()).isEqualTo(1);
        assertThatThrownBy(() -> decoder.outline(deep))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.TOO_MANY_PIXELS))
                .hasMessageContaining("1000x600 pixels of 48 bits");
        assertThatThrownBy(() -> decoder.decode(deep))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
        assertThat(decoder.pagesDecoded()).isZero();
        // the same 48-bit page fits a limit it is under by depth too
        assertThat(new ScanDecoder(new IntakeLimits(1L << 30, 10, 1_200_000)).decode(deep)).hasSize(1);
    }

    @Test
    void aPageThatDecodesPastTheTimeLimitIsStopped() throws Exception {
        ScanDecoder noTime = new ScanDecoder(IntakeLimits.DEFAULT.withMaxDecodeTime(Duration.ZERO));
        for (String name : new String[] {"real-scans/vietsample.tif", "real-scans/vietsample1.pdf"}) {
            Path file = SharedCorpus.file(name);
            assertThat(noTime.outline(file).pages()).as("counting pages decodes nothing").isEqualTo(2);
            try (Pages pages = noTime.open(file)) {
                assertThatThrownBy(() -> pages.page(1))
                        .as(name)
                        .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.DECODE_TIMEOUT))
                        .hasMessageContaining("page 1 took longer than 0 s");
            }
        }
        assertThat(noTime.pagesDecoded()).isZero();
        assertThat(new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file("real-scans/vietsample.tif"))).hasSize(2);
    }

    @Test
    void pagesAreDecodedOnlyWhenAskedFor() throws Exception {
        ScanDecoder decoder = new ScanDecoder(IntakeLimits.DEFAULT);
        try (Pages pages = decoder.open(SharedCorpus.file("real-scans/vietsample.tif"))) {
            assertThat(pages.count()).isEqualTo(2);
            assertThat(decoder.pagesDecoded()).isZero();
            assertThat(pages.page(2).number()).isEqualTo(2);
            assertThat(decoder.pagesDecoded()).isEqualTo(1);
            assertThat(pages.select(java.util.List.of(2)).page(1).number()).as("renumbered").isEqualTo(1);
            assertThat(decoder.pagesDecoded()).isEqualTo(2);
        }
    }
}
