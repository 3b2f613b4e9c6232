package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class IdentifierConverterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "HS 01", "hồ-sơ-01", ".hidden", "HS/01"})
    void aCoverSheetForADossierCodeOfBadSyntaxIsAUsageError(String code) {
        StringWriter err = new StringWriter();
        Path output = dir.resolve("bia.pdf");
        int exit = new CommandLine(new SohoaCommand()).setErr(new PrintWriter(err))
                .execute("cover-sheet", "-d", code, "-o", output.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("a dossier code (mã hồ sơ) must be 1 to 100 ASCII letters");
        assertThat(output).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H 450", "../H450", "", "Huyện"})
    void aReportForAnAgencyCodeOfBadSyntaxIsAUsageError(String code) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SohoaCommand()).setErr(new PrintWriter(err))
                .execute("report", "--from", "2026-03-01", "--to", "2026-03-31", "--agency", code,
                        "--url", "http://127.0.0.1:9", "--token", "x");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("an agency code (mã cơ quan) must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS 01", "../x"})
    void aScanForADossierCodeOfBadSyntaxIsAUsageErrorBeforeAnyScanner(String code) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SohoaCommand()).setErr(new PrintWriter(err))
                .execute("scan", "--escl", "http://127.0.0.1:9/eSCL/", "-d", code, "-o", dir.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("a dossier code (mã hồ sơ) must be");
        assertThat(dir).isEmptyDirectory();
    }
}
