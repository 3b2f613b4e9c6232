package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentNameTest {

    @Test
    void namesThatCannotBeOneFilesNameAreRefusedWithWhy() {
        assertThat(AttachmentName.problem(null)).get().asString().contains("has no file name");
        assertThat(AttachmentName.problem("")).get().asString().contains("has no file name");
        assertThat(AttachmentName.problem("   ")).get().asString().contains("has no file name");
        assertThat(AttachmentName.problem(".")).get().asString().contains("is only dots");
        assertThat(AttachmentName.problem("..")).get().asString().contains("is only dots");
        assertThat(AttachmentName.problem("...")).get().asString().contains("is only dots");
        assertThat(AttachmentName.problem("../../etc/cron.d/x.tif")).get().asString().contains("slash");
        assertThat(AttachmentName.problem("HS-01/to-khai.tif")).get().asString().contains("slash");
        assertThat(AttachmentName.problem("..\\windows\\x.tif")).get().asString().contains("slash");
        assertThat(AttachmentName.problem("to-khai.tif\u0000.exe")).get().asString()
                .contains("control character").contains("to-khai.tif\\u0000.exe");
        assertThat(AttachmentName.problem("a\tb.tif")).get().asString().contains("control character");
        assertThat(AttachmentName.problem("a\u007Fb.tif")).get().asString().contains("control character");
        String tooLong = "ệ".repeat(67);
        assertThat(tooLong.getBytes(StandardCharsets.UTF_8)).hasSize(201);
        assertThat(AttachmentName.problem(tooLong)).get().asString().contains("201 bytes long, over 200");
    }

    @Test
    void ordinaryNamesAreTaken() {
        assertThat(AttachmentName.problem("to-khai.tif")).isEmpty();
        assertThat(AttachmentName.problem("Tờ khai số 01 (bản chính).pdf")).isEmpty();
        assertThat(AttachmentName.problem(".hidden.tif")).isEmpty();
        assertThat(AttachmentName.problem("a..b.tif")).isEmpty();
        assertThat(AttachmentName.problem("x".repeat(196) + ".tif")).isEmpty();
    }

    @Test
    void aNameIsShownWithItsControlCharactersEscapedAndCutWhenLong() {
        assertThat(AttachmentName.printable("a\u0000b\nc")).isEqualTo("a\\u0000b\\u000Ac");
        assertThat(AttachmentName.printable("tờ-khai.tif")).isEqualTo("tờ-khai.tif");
        assertThat(AttachmentName.printable(null)).isEmpty();
        String shown = AttachmentName.printable("x".repeat(500));
        assertThat(shown).hasSize(121).endsWith("…");
        assertThat(AttachmentName.printable("x".repeat(120))).isEqualTo("x".repeat(120));
    }
}
