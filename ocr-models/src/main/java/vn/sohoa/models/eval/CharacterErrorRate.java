package vn.sohoa.models.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Character error rate of recognized text against ground truth: edit distance over the ground truth's
 * length, after Unicode NFC normalisation and with runs of white space folded to one space. The
 * order-independent variant aligns each ground-truth line with its best-matching recognized line first, so
 * that text blocks read in another order (two columns, a header read after the body) are not counted as
 * errors; word accuracy is the share of ground-truth words found, counted with multiplicity.
 */
public final class CharacterErrorRate {

    private CharacterErrorRate() {
    }

    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** Edit distance / length of the ground truth, both normalized; 0 is perfect. */
    public static double of(String groundTruth, String recognized) {
        String truth = normalize(groundTruth);
        String text = normalize(recognized);
        if (truth.isEmpty()) {
            return text.isEmpty() ? 0 : 1;
        }
        return (double) levenshtein(truth, text) / truth.codePointCount(0, truth.length());
    }

    /**
     * CER that ignores the order of text blocks: every ground-truth line is aligned with the stretch of a
     * recognized line it matches best (a header read as one line across two columns still matches both of
     * its halves), greedily, and the matched stretch is used up; recognized text left over counts as
     * insertions.
     */
    public static double orderIndependent(String groundTruth, String recognized) {
        List<String> truthLines = lines(groundTruth);
        List<int[]> textLines = new ArrayList<>(lines(recognized).stream().map(l -> l.codePoints().toArray()).toList());
        long truthLength = truthLines.stream().mapToLong(l -> l.codePointCount(0, l.length())).sum();
        if (truthLength == 0) {
            return textLines.isEmpty() ? 0 : 1;
        }
        long errors = 0;
        for (String line : truthLines) {
            int[] truth = line.codePoints().toArray();
            int bestLine = -1;
            int[] best = {truth.length, 0, 0};
            for (int i = 0; i < textLines.size(); i++) {
                int[] match = bestStretch(truth, textLines.get(i));
                if (match[0] < best[0]) {
                    best = match;
                    bestLine = i;
                }
            }
            errors += best[0];
            if (bestLine >= 0) {
                int[] text = textLines.remove(bestLine);
                int[] before = java.util.Arrays.copyOfRange(text, 0, best[1]);
                int[] after = java.util.Arrays.copyOfRange(text, best[2], text.length);
                if (before.length > 0) {
                    textLines.add(before);
                }
                if (after.length > 0) {
                    textLines.add(after);
                }
            }
        }
        for (int[] extra : textLines) {
            // a separating space left at the edge of a used-up stretch is not an insertion
            errors += (int) java.util.Arrays.stream(extra).filter(c -> c != ' ').count();
        }
        return (double) errors / truthLength;
    }

    /**
     * Semi-global alignment: the fewest edits turning {@code truth} into some stretch text[from, to) of
     * {@code text}, as {distance, from, to}.
     */
    private static int[] bestStretch(int[] truth, int[] text) {
        int m = text.length;
        int[] previous = new int[m + 1];
        int[] previousStart = new int[m + 1];
        int[] current = new int[m + 1];
        int[] currentStart = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = 0;
            previousStart[j] = j;
        }
        for (int i = 1; i <= truth.length; i++) {
            current[0] = i;
            currentStart[0] = 0;
            for (int j = 1; j <= m; j++) {
                int substitution = previous[j - 1] + (truth[i - 1] == text[j - 1] ? 0 : 1);
                int deletion = previous[j] + 1;
                int insertion = current[j - 1] + 1;
                if (substitution <= deletion && substitution <= insertion) {
                    current[j] = substitution;
                    currentStart[j] = previousStart[j - 1];
                } else if (deletion <= insertion) {
                    current[j] = deletion;
                    currentStart[j] = previousStart[j];
                } else {
                    current[j] = insertion;
                    currentStart[j] = currentStart[j - 1];
                }
            }
            int[] swap = previous;
            previous = current;
            current = swap;
            swap = previousStart;
            previousStart = currentStart;
            currentStart = swap;
        }
        int bestEnd = 0;
        for (int j = 1; j <= m; j++) {
            if (previous[j] < previous[bestEnd]) {
                bestEnd = j;
            }
        }
        return new int[] {previous[bestEnd], previousStart[bestEnd], bestEnd};
    }

    /** Share of ground-truth words (with multiplicity) that appear in the recognized text. */
    public static double wordAccuracy(String groundTruth, String recognized) {
        Map<String, Integer> available = new HashMap<>();
        for (String word : words(recognized)) {
            available.merge(word, 1, Integer::sum);
        }
        List<String> truth = words(groundTruth);
        if (truth.isEmpty()) {
            return 1;
        }
        int found = 0;
        for (String word : truth) {
            Integer left = available.get(word);
            if (left != null && left > 0) {
                found++;
                available.put(word, left - 1);
            }
        }
        return (double) found / truth.size();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(CharacterErrorRate::normalize).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> words(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** Edit distance in code points. */
    public static int levenshtein(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
