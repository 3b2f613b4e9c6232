package vn.sohoa.models.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarksTest {

    @Test
    void everyMarkGoesAndĐIsD() {
        assertThat(Marks.strip("Quyết định số 12/QĐ-UBND")).isEqualTo("Quyet dinh so 12/QD-UBND");
        assertThat(Marks.strip("ỨNG Ở ữ")).isEqualTo("UNG O u");
        assertThat(Marks.base('ậ')).isEqualTo('a');
        assertThat(Marks.base('€')).isEqualTo('€');
    }

    @Test
    void stripKeepsEveryIndex() {
        String text = "Nguyễn Thị Đường, 15 phố Hàng Bạc";
        assertThat(Marks.strip(text)).hasSameSizeAs(text);
    }

    @Test
    void withoutMarksReadsDecomposedTextToo() {
        assertThat(Marks.withoutMarks("Vi\u0065\u0302\u0323t")).isEqualTo("Viet");
        assertThat(Marks.withoutMarks("Đường")).isEqualTo("Duong");
        // a combining mark no precomposed letter holds still goes
        assertThat(Marks.withoutMarks("q\u0301")).isEqualTo("q");
    }
}
