package vn.sohoa.scanner.coversheet;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.BarcodeFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Printable A4 sheets that go into the scanner with the paper: a cover sheet in front of each
 * dossier and a separator sheet between its documents. Each carries a QR code ({@link SheetPayload})
 * that {@link SheetDetector} reads back from the scan, and large text for the person at the desk.
 *
 * <p>The QR code is drawn as vector squares (sharp at any printer resolution) with error correction
 * level H, so a staple, a fold or a pen stroke across it still reads. Text uses an embedded Unicode
 * TrueType font, so Vietnamese prints correctly on any printer.
 */
public final class CoverSheet {

    public static final Path DEJAVU_SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    public static final Path DEJAVU_SANS_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 56.7f; // 2 cm
    private static final float QR_SIZE = 283.5f; // 10 cm

    private final Path regularFont;
    private final Path boldFont;

    public CoverSheet(Path regularFont, Path boldFont) {
        this.regularFont = requireReadable(regularFont);
        this.boldFont = requireReadable(boldFont);
    }

    /** Sheets set in DejaVu Sans (Debian package fonts-dejavu-core). */
    public static CoverSheet withDejaVuSans() {
        return new CoverSheet(DEJAVU_SANS, DEJAVU_SANS_BOLD);
    }

    /** A one-page PDF: the cover sheet of one dossier. */
    public byte[] dossierCover(String dossierCode) {
        return dossierCovers(List.of(dossierCode));
    }

    /** One PDF with a cover sheet per dossier, in order, to print a day's covers at once. */
    public byte[] dossierCovers(List<String> dossierCodes) {
        if (dossierCodes.isEmpty()) {
            throw new IllegalArgumentException("No dossier codes given: a cover sheet needs at least one.");
        }
        dossierCodes.forEach(SheetPayload::checkedCode);
        return render("Phiếu bìa hồ sơ " + String.join(", ", dossierCodes), (document, fonts) -> {
            for (String code : dossierCodes) {
                drawCover(document, fonts, code);
            }
        });
    }

    /** A one-page PDF: the separator sheet (the same for every dossier; print a stack and reuse them). */
    public byte[] separator() {
        return render("Phiếu phân tách tài liệu", this::drawSeparator);
    }

    private record Fonts(PDFont regular, PDFont bold) {
    }

    private interface Pages {
        void draw(PDDocument document, Fonts fonts) throws IOException;
    }

    private byte[] render(String title, Pages pages) {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(PDType0Font.load(document, regularFont.toFile()),
                    PDType0Font.load(document, boldFont.toFile()));
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("SoHoa");
            pages.draw(document, fonts);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sheet PDF \"" + title + "\" with fonts " + regularFont
                    + " and " + boldFont + ": " + e.getMessage(), e);
        }
    }

    private void drawCover(PDDocument document, Fonts fonts, String dossierCode) throws IOException {
        PDPage page = new PDPage(A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float top = A4.getHeight() - MARGIN;
            centered(content, fonts.bold(), 28, "PHIẾU BÌA HỒ SƠ", top - 28);
            centered(content, fonts.regular(), 12, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", top - 50);

            float qrBottom = top - 80 - QR_SIZE;
            drawQr(content, SheetPayload.forDossier(dossierCode), (A4.getWidth() - QR_SIZE) / 2, qrBottom);

            centered(content, fonts.regular(), 18, "Mã hồ sơ:", qrBottom - 40);
            float codeSize = fittingSize(fonts.bold(), dossierCode, 40, A4.getWidth() - 2 * MARGIN);
            centered(content, fonts.bold(), codeSize, dossierCode, qrBottom - 40 - 12 - codeSize);

            instructionBox(content, fonts, List.of(
                    "Đặt phiếu này trước các trang của hồ sơ",
                    "Không ghim, không viết lên mã QR. Nếu quét hai mặt, để trống mặt sau."));
        }
    }

    private void drawSeparator(PDDocument document, Fonts fonts) throws IOException {
        PDPage page = new PDPage(A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float top = A4.getHeight() - MARGIN;
            // a solid band: a separator is told apart from a cover at a glance in the paper stack
            content.addRect(MARGIN, top - 20, A4.getWidth() - 2 * MARGIN, 20);
            content.fill();
            centered(content, fonts.bold(), 26, "PHIẾU PHÂN TÁCH TÀI LIỆU", top - 60);

            float qrBottom = top - 90 - QR_SIZE;
            drawQr(content, SheetPayload.SEPARATOR, (A4.getWidth() - QR_SIZE) / 2, qrBottom);
            centered(content, fonts.regular(), 16, "Tài liệu mới bắt đầu sau phiếu này", qrBottom - 40);

            instructionBox(content, fonts, List.of(
                    "Đặt phiếu này giữa hai tài liệu của cùng một hồ sơ",
                    "Dùng lại được nhiều lần. Không ghim, không viết lên mã QR."));
        }
    }

    private void instructionBox(PDPageContentStream content, Fonts fonts, List<String> lines) throws IOException {
        float width = A4.getWidth() - 2 * MARGIN;
        float height = 24 + lines.size() * 22;
        content.setLineWidth(1.5f);
        content.addRect(MARGIN, MARGIN, width, height);
        content.stroke();
        float baseline = MARGIN + height - 30;
        for (int i = 0; i < lines.size(); i++) {
            PDFont font = i == 0 ? fonts.bold() : fonts.regular();
            float size = fittingSize(font, lines.get(i), i == 0 ? 16 : 12, width - 24);
            centered(content, font, size, lines.get(i), baseline - i * 22);
        }
    }

    private static void drawQr(PDPageContentStream content, String payload, float x, float y) throws IOException {
        BitMatrix modules = qrModules(payload);
        int quiet = 4;
        int count = modules.getWidth();
        float module = QR_SIZE / (count + 2 * quiet);
        for (int row = 0; row < count; row++) {
            int col = 0;
            while (col < count) {
                if (!modules.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < count && modules.get(col, row)) {
                    col++;
                }
                float top = y + QR_SIZE - (quiet + row) * module;
                content.addRect(x + (quiet + start) * module, top - module, (col - start) * module, module);
            }
        }
        content.fill();
    }

    private static BitMatrix qrModules(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot make a QR code of \"" + payload + "\": " + e.getMessage(), e);
        }
    }

    private static void centered(PDPageContentStream content, PDFont font, float size, String text, float baseline)
            throws IOException {
        float width = font.getStringWidth(text) / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((A4.getWidth() - width) / 2, baseline);
        content.showText(text);
        content.endText();
    }

    private static float fittingSize(PDFont font, String text, float largest, float width) throws IOException {
        float natural = font.getStringWidth(text) / 1000 * largest;
        return natural <= width ? largest : largest * width / natural;
    }

    private static Path requireReadable(Path font) {
        if (!Files.isReadable(font)) {
            throw new IllegalArgumentException("Font " + font + " for the cover sheets is missing: install it (Debian:"
                    + " apt-get install fonts-dejavu-core) or give the path of another Unicode TrueType font.");
        }
        return font;
    }
}
