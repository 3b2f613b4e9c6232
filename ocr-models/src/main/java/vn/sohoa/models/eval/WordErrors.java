package vn.sohoa.models.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.sohoa.models.language.Marks;
import vn.sohoa.models.language.VietnameseSyllable;

/**
 * The words of a transcription matched with those of a reading, in order (word-level edit distance), and
 * each wrong word sorted by what went wrong: only its tone mark (the five marks of Vietnamese tones, so
 * "mây" for "mấy"), only its other marks (the letters ă â ê ô ơ ư đ: "quyên" for "quyến" is a tone, "ôn" for
 * "ơn" a mark), or more. A wrong tone turns a citizen's name into another name, so it is counted apart.
 *
 * @param words ground-truth words
 * @param correct ground-truth words read exactly
 * @param toneOnly words read with the right letters and vowel marks but a wrong tone
 * @param marksOnly words with the right base letters but a wrong vowel mark (and maybe tone)
 * @param other words read wrong otherwise, or missed
 * @param inserted words read that are not in the ground truth
 * @param toneExamples up to 20 "truth→read" pairs of tone-only errors, for a reader to look at
 */
public record WordErrors(int words, int correct, int toneOnly, int marksOnly, int other, int inserted,
        List<String> toneExamples) {

    private static final int EXAMPLES = 20;

    public WordErrors {
        toneExamples = List.copyOf(toneExamples);
    }

    /** Share of ground-truth words read exactly; 1 is perfect. */
    public double accuracy() {
        return words == 0 ? 1 : (double) correct / words;
    }

    /** Share of ground-truth words read with only a wrong tone mark. */
    public double toneErrorRate() {
        return words == 0 ? 0 : (double) toneOnly / words;
    }

    public static WordErrors of(String groundTruth, String recognized) {
        String[] truth = words(groundTruth);
        String[] read = words(recognized);
        // word-level Levenshtein; a substitution of two words differing only in marks is the cheapest
        int[][] cost = new int[truth.length + 1][read.length + 1];
        for (int i = 0; i <= truth.length; i++) {
            cost[i][0] = 2 * i;
        }
        for (int j = 0; j <= read.length; j++) {
            cost[0][j] = 2 * j;
        }
        for (int i = 1; i <= truth.length; i++) {
            for (int j = 1; j <= read.length; j++) {
                cost[i][j] = Math.min(cost[i - 1][j - 1] + substitution(truth[i - 1], read[j - 1]),
                        Math.min(cost[i - 1][j], cost[i][j - 1]) + 2);
            }
        }
        int correct = 0;
        int tone = 0;
        int marks = 0;
        int other = 0;
        int inserted = 0;
        List<String> examples = new ArrayList<>();
        int i = truth.length;
        int j = read.length;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + substitution(truth[i - 1], read[j - 1])) {
                String t = truth[i - 1];
                String r = read[j - 1];
                if (t.equals(r)) {
                    correct++;
                } else if (withoutTones(t).equals(withoutTones(r))) {
                    tone++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(0, t + "→" + r);
                    }
                } else if (Marks.withoutMarks(t).equals(Marks.withoutMarks(r))) {
                    marks++;
                } else {
                    other++;
                }
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 2) {
                other++;
                i--;
            } else {
                inserted++;
                j--;
            }
        }
        return new WordErrors(truth.length, correct, tone, marks, other, inserted, examples);
    }

    /** The sum of two scores, as over the pages of a set. */
    public WordErrors plus(WordErrors more) {
        List<String> examples = new ArrayList<>(toneExamples);
        more.toneExamples.stream().limit(Math.max(0, EXAMPLES - examples.size())).forEach(examples::add);
        return new WordErrors(words + more.words, correct + more.correct, toneOnly + more.toneOnly,
                marksOnly + more.marksOnly, other + more.other, inserted + more.inserted, examples);
    }

    public static WordErrors none() {
        return new WordErrors(0, 0, 0, 0, 0, 0, List.of());
    }

    private static int substitution(String truth, String read) {
        if (truth.equals(read)) {
            return 0;
        }
        return Marks.withoutMarks(truth).equals(Marks.withoutMarks(read)) ? 1 : 3;
    }

    /** The word without its tone mark, its vowel marks kept. */
    public static String withoutTones(String word) {
        return VietnameseSyllable.stripTone(Normalizer.normalize(word, Normalizer.Form.NFC));
    }

    private static String[] words(String text) {
        String normalized = CharacterErrorRate.normalize(text);
        return normalized.isEmpty() ? new String[0] : Arrays.stream(normalized.split(" ")).toArray(String[]::new);
    }
}
