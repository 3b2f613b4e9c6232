package vn.sohoa.pipeline.pdf.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.SharedCorpus;

/** With signing configured, every archive copy the Digitizer writes carries the office's valid signature. */
class SignedArchiveCopyTest {

    @TempDir
    Path dir;

    @Test
    void theDigitizerSignsEveryCopyWhenTheOfficeConfiguredAKey() throws Exception {
        var office = TestCertificates.selfSigned("CN=Trần Thị Bình, O=UBND xã Phong Hóa, C=VN", false);
        Path keystore = TestCertificates.pkcs12(dir, office, "xa", "mat-khau");
        DigitizerSettings settings = DigitizerSettings.defaults().withOcrThreads(1)
                .withSigning(SigningSettings.invisible(keystore, "mat-khau").withReasonAndLocation("Số hóa", "Phong Hóa"));
        try (Digitizer digitizer = new Digitizer(settings)) {
            DigitizedDocument result = digitizer.digitize(Scan.of(SharedCorpus.file("real-scans/vietsample2.png")),
                    dir.resolve("signed.pdf"));
            Process pdfsig = new ProcessBuilder("pdfsig", "-nocert", result.pdf().toString()).redirectErrorStream(true).start();
            String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pdfsig.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(report).contains("Signature is Valid.").contains("Trần Thị Bình");
            assertThat(result.pdfSha256()).isEqualTo(Scan.sha256(result.pdf()));
        }
    }

    @Test
    void aWrongPasswordStopsTheDigitizerBeforeAnyWork() throws Exception {
        var office = TestCertificates.selfSigned("CN=Trần Thị Bình, C=VN", false);
        Path keystore = TestCertificates.pkcs12(dir, office, "xa", "mat-khau");
        DigitizerSettings settings = DigitizerSettings.defaults()
                .withSigning(SigningSettings.invisible(keystore, "sai-mat-khau"));
        assertThatThrownBy(() -> new Digitizer(settings).close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(keystore.toString());
    }
}
