package vn.sohoa.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.sohoa.scanner.coversheet.CoverSheet;

/**
 * {@code sohoa cover-sheet --dossier CODE [--dossier CODE2 ...] [--separators N] --output FILE.pdf}: prints the
 * cover sheets (one A4 page per dossier, QR code {@code SOHOA:DOSSIER:<code>}) that tell intake which dossier
 * the pages after them belong to, and optionally separator sheets.
 */
@Command(name = "cover-sheet", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"In tờ bìa hồ sơ (mã QR) và tờ phân tách tài liệu.",
                "In tờ bìa hồ sơ (mã QR của mã hồ sơ) và tờ phân tách tài liệu: đặt tờ bìa trước các trang của",
                "hồ sơ, tờ phân tách giữa hai tài liệu, rồi quét cả lô; SoHoa tự chia theo hồ sơ và tài liệu."})
public final class CoverSheetCommand implements Callable<Integer> {

    @Option(names = {"-d", "--dossier"}, paramLabel = "CODE",
            converter = IdentifierConverter.DossierCode.class, description = "Dossier code (mã hồ sơ); repeat for several.")
    List<String> dossiers = new ArrayList<>();

    @Option(names = "--separators", paramLabel = "N", description = "Also print N separator sheets (default: ${DEFAULT-VALUE}).")
    int separators;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.pdf", description = "The PDF to print.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (dossiers.isEmpty() && separators <= 0) {
            System.err.println("Chưa có gì để in: cho ít nhất một --dossier MÃ hoặc --separators N.");
            return 2;
        }
        CoverSheet sheets;
        try {
            sheets = CoverSheet.withDejaVuSans();
        } catch (RuntimeException e) {
            System.err.println("Không tải được phông chữ DejaVu Sans (" + e.getMessage()
                    + "): cài gói fonts-dejavu-core rồi chạy lại.");
            return 1;
        }
        byte[] pdf;
        try {
            List<byte[]> parts = new ArrayList<>();
            if (!dossiers.isEmpty()) {
                parts.add(sheets.dossierCovers(dossiers));
            }
            for (int i = 0; i < separators; i++) {
                parts.add(sheets.separator());
            }
            pdf = SheetPdfs.concatenate(parts);
        } catch (IllegalArgumentException e) {
            System.err.println("Không in được tờ bìa: " + e.getMessage());
            return 2;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(output, pdf);
        System.err.printf("Đã ghi %s: %d tờ bìa, %d tờ phân tách.%n", output, dossiers.size(), Math.max(0, separators));
        return 0;
    }
}
