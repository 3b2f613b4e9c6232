package vn.sohoa.models.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageRendererTest {

    private static final AdministrativeDocument DECISION = new AdministrativeDocument(
            "test-decision",
            List.of("ỦY BAN NHÂN DÂN", "HUYỆN TUYÊN HÓA"),
            "1437/QĐ-UBND",
            "Tuyên Hóa",
            LocalDate.of(2023, 2, 5),
            DocumentType.QUYET_DINH,
            "Về việc phê duyệt Kế hoạch số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm 2023",
            List.of("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TUYÊN HÓA",
                    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
                    "QUYẾT ĐỊNH:",
                    "Điều 1. Phê duyệt Kế hoạch số hóa hồ sơ, kết quả giải quyết thủ tục hành chính năm 2023.",
                    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."),
            List.of("TM. ỦY BAN NHÂN DÂN"),
            "CHỦ TỊCH",
            "Nguyễn Văn Thường");

    private static RenderedDocument decision;

    @BeforeAll
    static void render() {
        decision = new PageRenderer(200).render(DECISION);
    }

    @Test
    void headerGroundTruthHasTheCodeNotationAndTheDateLine() {
        String text = decision.pages().get(0).groundTruth().text();

        assertThat(text.lines()).contains("Số: 1437/QĐ-UBND", "Tuyên Hóa, ngày 05 tháng 02 năm 2023",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "QUYẾT ĐỊNH",
                "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thường");
        assertThat(text).startsWith("ỦY BAN NHÂN DÂN\nHUYỆN TUYÊN HÓA\nSố: 1437/QĐ-UBND\n");
    }

    @Test
    void aOnePageDocumentIsAnA4PageAtTheRequestedDpi() {
        assertThat(decision.pages()).hasSize(1);
        BufferedImage page = decision.pages().get(0).image();
        assertThat(page.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(page.getWidth()).isEqualTo(Math.round(210 / 25.4 * 200));
        assertThat(page.getHeight()).isEqualTo(Math.round(297 / 25.4 * 200));
        assertThat(page.getRGB(5, 5) & 0xffffff).as("white paper").isEqualTo(0xffffff);
    }

    @Test
    void theChosenFontDrawsPrecomposedVietnameseLetters() {
        Typeface typeface = Typeface.timesLike();
        String letters = "ơ ư ữ ặ Đ ỦY ỆN Ờ ẫ ỹ Ự ậ ở";

        assertThat(typeface.regular().canDisplayUpTo(letters)).isEqualTo(-1);
        assertThat(typeface.bold().canDisplayUpTo(letters)).isEqualTo(-1);
        assertThat(typeface.italic().canDisplayUpTo(letters)).isEqualTo(-1);
        assertThat(typeface.family()).isIn("LiberationSerif", "DejaVuSerif");
    }

    @Test
    void aLongBodyFlowsOverSeveralPagesAndTheSignatureIsOnTheLastOnly() {
        List<String> body = new ArrayList<>(Collections.nCopies(40,
                "Bộ phận Tiếp nhận và Trả kết quả thực hiện số hóa đầy đủ thành phần hồ sơ ngay khi tiếp nhận; "
                        + "kết quả giải quyết được ký số và lưu trữ trên Hệ thống thông tin giải quyết thủ tục hành chính."));
        AdministrativeDocument longDecision = new AdministrativeDocument(DECISION.id(), DECISION.issuerLines(),
                DECISION.codeNotation(), DECISION.place(), DECISION.issueDate(), DECISION.type(), DECISION.subject(),
                body, DECISION.authorityLines(), DECISION.signerTitle(), DECISION.signerName());

        RenderedDocument rendered = new PageRenderer(200).render(longDecision);

        assertThat(rendered.pages()).hasSizeGreaterThan(1);
        assertThat(rendered.lastPage().groundTruth().text()).endsWith("CHỦ TỊCH\nNguyễn Văn Thường");
        for (RenderedPage page : rendered.pages().subList(0, rendered.pages().size() - 1)) {
            assertThat(page.groundTruth().text()).doesNotContain("Nguyễn Văn Thường");
            assertThat(strongRedPixels(page.image())).as("no seal on page %d", page.pageNumber()).isZero();
        }
        assertThat(rendered.pages().get(1).groundTruth().lines().get(0).text()).as("page number").isEqualTo("2");
        assertThat(rendered.groundTruthText().split("\f")).hasSize(rendered.pages().size());
    }

    @Test
    void theLastPageHasARedSealAndABlueSignatureThatAreNotText() {
        BufferedImage page = decision.lastPage().image();

        assertThat(strongRedPixels(page)).isGreaterThan(2000);
        assertThat(strongBluePixels(page)).isGreaterThan(300);
        assertThat(decision.lastPage().groundTruth().text()).doesNotContain("★");
    }

    @Test
    void everyWordBoxLiesInsideThePageAndHoldsInk() {
        RenderedPage page = decision.pages().get(0);
        List<Word> words = page.groundTruth().words();

        assertThat(words).hasSizeGreaterThan(50);
        for (Word word : words) {
            assertThat(word.box().isInside(page.image().getWidth(), page.image().getHeight()))
                    .as("box of %s: %s", word.text(), word.box()).isTrue();
            assertThat(darkPixels(page.image(), word.box())).as("ink under %s", word.text()).isPositive();
        }
    }

    @Test
    void wordsOfALineDoNotOverlapAndReadLeftToRight() {
        for (TextLine line : decision.pages().get(0).groundTruth().lines()) {
            for (int i = 1; i < line.words().size(); i++) {
                assertThat(line.words().get(i).box().x())
                        .as("%s after %s", line.words().get(i).text(), line.words().get(i - 1).text())
                        .isGreaterThanOrEqualTo(line.words().get(i - 1).box().right());
            }
        }
    }

    @Test
    void aCongVanPrintsItsSubjectUnderTheCodeAndNoTypeTitle() {
        AdministrativeDocument letter = new AdministrativeDocument("test-letter", List.of("ỦY BAN NHÂN DÂN", "XÃ THẠCH HÓA"),
                "12/UBND-VP", "Thạch Hóa", LocalDate.of(2024, 11, 20), DocumentType.CONG_VAN,
                "V/v đôn đốc số hóa hồ sơ", List.of("Kính gửi: Các thôn, bản."), List.of("TM. ỦY BAN NHÂN DÂN"),
                "CHỦ TỊCH", "Lê Thị Lan");

        String text = new PageRenderer(200).render(letter).pages().get(0).groundTruth().text();

        assertThat(text).contains("Số: 12/UBND-VP\nV/v đôn đốc số hóa hồ sơ\nCỘNG HÒA");
        assertThat(text).contains("Thạch Hóa, ngày 20 tháng 11 năm 2024");
    }

    @Test
    void renderingIsDeterministic() {
        BufferedImage again = new PageRenderer(200).render(DECISION).pages().get(0).image();
        BufferedImage first = decision.pages().get(0).image();

        int[] a = first.getRGB(0, 0, first.getWidth(), first.getHeight(), null, 0, first.getWidth());
        int[] b = again.getRGB(0, 0, again.getWidth(), again.getHeight(), null, 0, again.getWidth());
        assertThat(b).isEqualTo(a);
    }

    static long strongRedPixels(BufferedImage image) {
        return count(image, (r, g, b) -> r > 150 && g < 110 && b < 110);
    }

    static long strongBluePixels(BufferedImage image) {
        return count(image, (r, g, b) -> b > 120 && r < 110 && b > g + 50);
    }

    private static long darkPixels(BufferedImage image, PixelBox box) {
        long dark = 0;
        for (int y = box.y(); y < box.bottom(); y++) {
            for (int x = box.x(); x < box.right(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private interface ColourTest {
        boolean matches(int r, int g, int b);
    }

    private static long count(BufferedImage image, ColourTest test) {
        long n = 0;
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int p : row) {
                if (test.matches((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
