package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which e-mail subjects name a dossier: scanners' own subjects carry model names that look like codes. */
class ImapSubjectTest {

    @Test
    void aSubjectNamesADossierOnlyWhenItSaysSo() {
        assertThat(ImapCaptureRoute.dossierCodeIn("Hồ sơ HS-MAIL-0005")).contains("HS-MAIL-0005");
        assertThat(ImapCaptureRoute.dossierCodeIn("Ho so 000.00.20.H56-230515-0001")).contains("000.00.20.H56-230515-0001");
        assertThat(ImapCaptureRoute.dossierCodeIn("Mã hồ sơ: G22.46-230525-0007")).contains("G22.46-230525-0007");
        assertThat(ImapCaptureRoute.dossierCodeIn("  G22.46-230525-0007 ")).contains("G22.46-230525-0007");
        // decomposed Vietnamese (NFD), as some mail clients send it
        assertThat(ImapCaptureRoute.dossierCodeIn(java.text.Normalizer.normalize("Hồ sơ HS-1-2", java.text.Normalizer.Form.NFD)))
                .contains("HS-1-2");
        assertThat(ImapCaptureRoute.dossierCodeIn("Scan from HP-LaserJet-M428")).isEmpty();
        assertThat(ImapCaptureRoute.dossierCodeIn("chs 1.2.3")).isEmpty();
        assertThat(ImapCaptureRoute.dossierCodeIn(null)).isEmpty();
    }

    @Test
    void aCodeOfBadSyntaxIsTakenWholeSoThatIntakeRefusesItRatherThanAValidPartOfIt() {
        assertThat(ImapCaptureRoute.dossierCodeIn("Hồ sơ HS.01.02/03")).contains("HS.01.02/03");
        assertThat(ImapCaptureRoute.dossierCodeIn("Mã hồ sơ: HỒ-SƠ-01")).contains("HỒ-SƠ-01");
    }
}
