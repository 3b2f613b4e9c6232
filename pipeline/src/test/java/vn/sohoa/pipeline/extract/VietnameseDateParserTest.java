package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VietnameseDateParserTest {

    @Test
    void datesInWordsAndNumbersBecomeIsoDates() {
        assertThat(VietnameseDateParser.parse("Tuyên Hóa, ngày 05 tháng 02 năm 2023")).hasValue(LocalDate.of(2023, 2, 5));
        assertThat(VietnameseDateParser.parse("ngày 15 tháng 3 năm 2023")).hasValue(LocalDate.of(2023, 3, 15));
        assertThat(VietnameseDateParser.parse("15/3/2023")).hasValue(LocalDate.of(2023, 3, 15));
        assertThat(VietnameseDateParser.parse("Ngày sinh: 01-12-1990")).hasValue(LocalDate.of(1990, 12, 1));
        assertThat(VietnameseDateParser.parse("09.04.2001")).hasValue(LocalDate.of(2001, 4, 9));
    }

    @Test
    void lostMarksAndLookAlikeDigitsAreRepaired() {
        VietnameseDateParser.DateMatch match = VietnameseDateParser.find("Ha Noi, ngay O5 thang l2 nam 2O23").orElseThrow();
        assertThat(match.date()).isEqualTo(LocalDate.of(2023, 12, 5));
        assertThat(match.repaired()).isTrue();
        assertThat(VietnameseDateParser.find("ngày 05 tháng 12 năm 2023").orElseThrow().repaired()).isFalse();
    }

    @Test
    void onlyRealCalendarDatesAreAccepted() {
        assertThat(VietnameseDateParser.parse("ngày 30 tháng 02 năm 2023")).isEmpty();
        assertThat(VietnameseDateParser.parse("29/02/2023")).isEmpty();
        assertThat(VietnameseDateParser.parse("29/02/2024")).hasValue(LocalDate.of(2024, 2, 29));
        assertThat(VietnameseDateParser.parse("ngày 12 tháng 13 năm 2023")).isEmpty();
        assertThat(VietnameseDateParser.parse("12/03/1850")).isEmpty();
    }

    @Test
    void theFoundStretchPointsAtTheDate() {
        String text = "Tuyên Hóa, ngày 05 tháng 02 năm 2023";
        VietnameseDateParser.DateMatch match = VietnameseDateParser.find(text).orElseThrow();
        assertThat(text.substring(match.start(), match.end())).isEqualTo("ngày 05 tháng 02 năm 2023");
    }
}
