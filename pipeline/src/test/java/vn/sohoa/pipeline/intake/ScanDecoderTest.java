package vn.sohoa.pipeline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.SharedCorpus;

class ScanDecoderTest {

    @TempDir
    Path dir;

    private final ScanDecoder decoder = new ScanDecoder(IntakeLimits.DEFAULT);

    @Test
    void anEmptyFileIsRefusedAsEmpty() throws IOException {
        Path empty = Files.createFile(dir.resolve("scan.jpg"));
        assertThatThrownBy(() -> decoder.decode(empty))
                .isInstanceOf(RejectedScanException.class)
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.EMPTY_FILE))
                .hasMessageContaining("empty");
    }

    @Test
    void theFormatIsToldByContentNotByName() throws IOException, RejectedScanException {
        Path text = Files.writeString(dir.resolve("scan.pdf"), "this is not a scan at all");
        assertThatThrownBy(() -> decoder.decode(text))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));

        Path png = dir.resolve("named-as.jpg");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        assertThat(ScanFormat.sniff(png)).isEqualTo(ScanFormat.PNG);
        assertThat(decoder.decode(png)).singleElement().satisfies(p -> assertThat(p.width()).isEqualTo(40));
    }

    @Test
    void aTruncatedImageIsRefusedAsDamaged() throws IOException {
        Path png = dir.resolve("full.png");
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, x * y * 2654435761L > 0 ? (int) (x * 2654435761L ^ y) : 0);
            }
        }
        ImageIO.write(image, "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> decoder.decode(truncated))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.UNREADABLE_IMAGE));
    }

    @Test
    void pagesOverThePixelLimitAreRefusedBeforeDecoding() throws IOException {
        Path png = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(2000, 2000, BufferedImage.TYPE_BYTE_BINARY), "png", png.toFile());
        ScanDecoder strict = new ScanDecoder(new IntakeLimits(1L << 30, 10, 1_000_000));
        assertThatThrownBy(() -> strict.decode(png))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.TOO_MANY_PIXELS))
                .hasMessageContaining("2000x2000");
    }

    @Test
    void aMultiPageG4TiffGivesEveryPageWithItsResolution() throws RejectedScanException {
        List<PageImage> pages = decoder.decode(SharedCorpus.file("real-scans/vietsample.tif"));
        assertThat(pages).hasSize(2);
        assertThat(pages).allSatisfy(p -> {
            assertThat(p.dpi()).isEqualTo(300f);
            assertThat(p.dpiFromFile()).isTrue();
        });
        assertThat(pages.get(1).number()).isEqualTo(2);
    }

    @Test
    void aBrokenPdfIsRefusedAsBroken() {
        assertThatThrownBy(() -> decoder.decode(SharedCorpus.file("robustness/ocrmypdf/invalid.pdf")))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.BROKEN_PDF));
    }

    @Test
    void aBilevelPdfPageIsRenderedBilevelAtItsImageResolution() throws RejectedScanException {
        List<PageImage> pages = decoder.decode(SharedCorpus.file("robustness/ocrmypdf/ccitt.pdf"));
        assertThat(pages).isNotEmpty();
        assertThat(pages.get(0).image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
    }

    @Test
    void anOutlineCountsPagesAndHoldsTheLimitsWithoutDecoding() throws Exception {
        assertThat(decoder.outline(SharedCorpus.file("real-scans/vietsample.tif")))
                .isEqualTo(new ScanOutline(ScanFormat.TIFF, 2));
        assertThat(decoder.outline(SharedCorpus.file("real-scans/vietsample1.pdf")))
                .isEqualTo(new ScanOutline(ScanFormat.PDF, 2));
        ScanDecoder onePage = new ScanDecoder(new IntakeLimits(1L << 30, 1, 50_000_000));
        assertThatThrownBy(() -> onePage.outline(SharedCorpus.file("real-scans/vietsample1.pdf")))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.TOO_MANY_PAGES));
        Path png = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(2000, 2000, BufferedImage.TYPE_BYTE_BINARY), "png", png.toFile());
        assertThatThrownBy(() -> new ScanDecoder(new IntakeLimits(1L << 30, 10, 1_000_000)).outline(png))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
        assertThatThrownBy(() -> decoder.outline(SharedCorpus.file("robustness/ocrmypdf/invalid.pdf")))
                .satisfies(e -> assertThat(((RejectedScanException) e).reason()).isEqualTo(Reason.BROKEN_PDF));
    }

    @Test
    void chosenPagesAreDecodedAsTheWholeFileDecodesThem() throws RejectedScanException {
        for (String name : List.of("real-scans/vietsample.tif", "real-scans/vietsample1.pdf")) {
            List<PageImage> all = decoder.decode(SharedCorpus.file(name));
            List<PageImage> second = decoder.decodePages(SharedCorpus.file(name), List.of(2));
            assertThat(second).singleElement().satisfies(page -> {
                assertThat(page.number()).isEqualTo(2);
                assertThat(page.dpi()).isEqualTo(all.get(1).dpi());
                assertThat(page.width()).isEqualTo(all.get(1).width());
                assertThat(page.image().getRGB(page.width() / 2, page.height() / 2))
                        .isEqualTo(all.get(1).image().getRGB(page.width() / 2, page.height() / 2));
            });
            assertThat(decoder.decodePages(SharedCorpus.file(name), List.of(2, 1)))
                    .extracting(PageImage::number).containsExactly(2, 1);
        }
        assertThatThrownBy(() -> decoder.decodePages(SharedCorpus.file("real-scans/vietsample.tif"), List.of(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no page 3");
    }
}
