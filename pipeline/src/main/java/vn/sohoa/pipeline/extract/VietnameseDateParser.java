package vn.sohoa.pipeline.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Vietnamese documents write them: "ngày 15 tháng 3 năm 2023" (marks may be lost by OCR) or
 * "15/3/2023", "15-03-2023", "15.03.2023"; digits read as look-alike letters are repaired. Only real calendar
 * dates from 1900 to 2100 are accepted.
 */
public final class VietnameseDateParser {

    /** A date found in a text, where it was ({@code start}, {@code end}) and whether digits were repaired. */
    public record DateMatch(LocalDate date, int start, int end, boolean repaired) {
    }

    private static final String NUMBER = "([0-9OoIlSB]{1,4})";
    /** On text without marks, any case: "ngay 15 thang 3 nam 2023". */
    private static final Pattern WORDS = Pattern.compile(
            "NGAY\\s*" + NUMBER + "\\s*THANG\\s*" + NUMBER + "\\s*NAM\\s*" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![0-9])([0-9OoIl]{1,2})\\s?([/.\\-])\\s?([0-9OoIl]{1,2})\\s?\\2\\s?([0-9OoIl]{4})(?![0-9])");

    private VietnameseDateParser() {
    }

    /** The first date in {@code text}, if it is a real one. */
    public static Optional<DateMatch> find(String text) {
        Matcher words = WORDS.matcher(Diacritics.strip(text));
        while (words.find()) {
            Optional<DateMatch> date = date(text, words.start(), words.end(), words.group(1), words.group(2), words.group(3));
            if (date.isPresent()) {
                return date;
            }
        }
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            Optional<DateMatch> date = date(text, numeric.start(), numeric.end(), numeric.group(1), numeric.group(3),
                    numeric.group(4));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** The date that is all of {@code text} (surrounding spaces and punctuation allowed). */
    public static Optional<LocalDate> parse(String text) {
        return find(text).map(DateMatch::date);
    }

    private static Optional<DateMatch> date(String text, int start, int end, String day, String month, String year) {
        String raw = text.substring(start, end);
        Optional<String> d = DigitRepair.digits(day);
        Optional<String> m = DigitRepair.digits(month);
        Optional<String> y = DigitRepair.digits(year);
        if (d.isEmpty() || m.isEmpty() || y.isEmpty() || y.get().length() != 4 || d.get().length() > 2
                || m.get().length() > 2) {
            return Optional.empty();
        }
        int yy = Integer.parseInt(y.get());
        if (yy < 1900 || yy > 2100) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(yy, Integer.parseInt(m.get()), Integer.parseInt(d.get()));
            boolean repaired = DigitRepair.needsRepair(day + month + year);
            return Optional.of(new DateMatch(date, start, end, repaired || raw.isEmpty()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
