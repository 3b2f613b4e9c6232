package vn.sohoa.app.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Numbers as Vietnamese offices write them: dot for thousands, comma for decimals (5.219; 91,65%). */
public final class VietnameseNumbers {

    private VietnameseNumbers() {
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** 5219 gives "5.219". */
    public static String count(long value) {
        return format("#,##0").format(value);
    }

    /** The percentage with two decimals: 845 of 922 gives "91,65%"; nothing of nothing gives "—". */
    public static String percent(long part, long whole) {
        BigDecimal rate = rate(part, whole);
        return rate == null ? "—" : format("#,##0.00").format(rate) + "%";
    }

    /** part / whole × 100, rounded half up to two decimals; null when whole is 0. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
