package vn.sohoa.models.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into runs of Vietnamese syllables that only whitespace separates (lower-cased, tone on the
 * canonical vowel), so that punctuation, numbers and non-Vietnamese words end a context instead of bridging it.
 */
public final class SyllableTokenizer {

    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*|[^\\p{L}\\s]+");

    private SyllableTokenizer() {
    }

    /** The runs of a text, each at least one syllable long. */
    public static List<List<String>> runs(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(normalised);
        int end = 0;
        while (matcher.find()) {
            String token = matcher.group();
            boolean lineBreak = normalised.substring(end, matcher.start()).indexOf('\n') >= 0;
            end = matcher.end();
            if (lineBreak || !VietnameseSyllable.isValid(token)) {
                close(runs, run);
                run = new ArrayList<>();
            }
            if (VietnameseSyllable.isValid(token)) {
                run.add(VietnameseSyllable.canonical(token));
            }
        }
        close(runs, run);
        return runs;
    }

    private static void close(List<List<String>> runs, List<String> run) {
        if (!run.isEmpty()) {
            runs.add(run);
        }
    }
}
