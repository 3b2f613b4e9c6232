package vn.sohoa.models.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusDocumentParserTest {

    static final Path LEGAL_TEXT = Path.of("/work/shared/corpus/legal-text");

    private static final String DECISION = """
            THỦ TƯỚNG CHÍNH PHỦ
            -------

            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            Số: 29/2025/QĐ-TTg
            Hà Nội, ngày 28 tháng 8 năm 2025
            QUYẾT ĐỊNH
            VỀ TÍN DỤNG ĐỐI VỚI HỌC SINH, SINH VIÊN,
            HỌC VIÊN THẠC SĨ
            Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
            Điều 1. Phạm vi điều chỉnh
            Quyết định này có hiệu lực thi h\u200Bành kể từ ngày ký.
            Nơi nhận:
            - Lưu: VT, KTTH (2b).
            KT. THỦ TƯỚNG
            PHÓ THỦ TƯỚNG
            (Đã ký)
            Hồ Đức Phớc
            Phụ lục I
            """;

    @Test
    void readsHeaderSubjectBodyAndSignatureBlock() {
        AdministrativeDocument document = CorpusDocumentParser.parse("doc_000081", DECISION);

        assertThat(document.issuerLines()).containsExactly("THỦ TƯỚNG CHÍNH PHỦ");
        assertThat(document.codeNotation()).isEqualTo("29/2025/QĐ-TTg");
        assertThat(document.place()).isEqualTo("Hà Nội");
        assertThat(document.issueDate()).isEqualTo(LocalDate.of(2025, 8, 28));
        assertThat(document.type()).isEqualTo(DocumentType.QUYET_DINH);
        assertThat(document.subject()).isEqualTo("VỀ TÍN DỤNG ĐỐI VỚI HỌC SINH, SINH VIÊN, HỌC VIÊN THẠC SĨ");
        assertThat(document.bodyParagraphs()).containsExactly("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
                "Điều 1. Phạm vi điều chỉnh", "Quyết định này có hiệu lực thi hành kể từ ngày ký.");
        assertThat(document.authorityLines()).containsExactly("KT. THỦ TƯỚNG");
        assertThat(document.signerTitle()).isEqualTo("PHÓ THỦ TƯỚNG");
        assertThat(document.signerName()).isEqualTo("Hồ Đức Phớc");
    }

    @Test
    void aFileWithoutHeaderStillGivesARenderableDocument() {
        AdministrativeDocument document = CorpusDocumentParser.parse("odd", "Một đoạn văn bản không có tiêu đề.");

        assertThat(document.type()).isEqualTo(DocumentType.CONG_VAN);
        assertThat(document.subject()).startsWith("V/v ");
        assertThat(document.place()).isEqualTo("Hà Nội");
        assertThat(document.bodyParagraphs()).isNotEmpty();
    }

    @Test
    void everyCorpusFileParsesAndItsTextIsDrawableByTheFont() throws IOException {
        assumeTrue(Files.isDirectory(LEGAL_TEXT), "shared legal-text corpus not available");
        Typeface typeface = Typeface.timesLike();
        List<Path> files;
        try (Stream<Path> listing = Files.list(LEGAL_TEXT)) {
            files = listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        int withCode = 0;
        int withSigner = 0;
        for (Path file : files) {
            AdministrativeDocument document = CorpusDocumentParser.read(file);
            String all = String.join("\n", document.issuerLines()) + document.codeNotation() + document.subject()
                    + String.join("\n", document.bodyParagraphs()) + document.signerName() + document.placeAndDate();
            assertThat(typeface.regular().canDisplayUpTo(all)).as(file.toString()).isEqualTo(-1);
            assertThat(typeface.bold().canDisplayUpTo(all)).as(file.toString()).isEqualTo(-1);
            assertThat(typeface.italic().canDisplayUpTo(all)).as(file.toString()).isEqualTo(-1);
            if (document.codeNotation().matches("\\d.*/.*")) {
                withCode++;
            }
            if (!document.signerTitle().equals("THỦ TRƯỞNG CƠ QUAN")) {
                withSigner++;
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(160);
        assertThat(withCode).as("files whose số ký hiệu was read").isGreaterThanOrEqualTo(files.size() * 95 / 100);
        assertThat(withSigner).as("files whose signature block was read").isGreaterThanOrEqualTo(files.size() * 85 / 100);
    }
}
