package vn.sohoa.models.language;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Syllable unigram and bigram counts as the trainer gathers them, written as the gzip text resource that
 * {@link SyllableModel} reads; the output is sorted so that the same input gives the same bytes.
 */
public final class SyllableCounts {

    private final Map<String, Integer> unigrams = new HashMap<>();
    private final Map<String, Integer> bigrams = new HashMap<>();

    /** Counts one run of syllables, with the boundary before its first and after its last syllable. */
    public void addRun(List<String> run) {
        String previous = SyllableModel.BOUNDARY;
        for (String syllable : run) {
            unigrams.merge(syllable, 1, Integer::sum);
            bigrams.merge(previous + ' ' + syllable, 1, Integer::sum);
            previous = syllable;
        }
        bigrams.merge(previous + ' ' + SyllableModel.BOUNDARY, 1, Integer::sum);
        unigrams.merge(SyllableModel.BOUNDARY, 1, Integer::sum);
    }

    /** Counts a syllable once without context (a vocabulary entry). */
    public void addSyllable(String syllable) {
        unigrams.merge(syllable, 1, Integer::sum);
    }

    public Map<String, Integer> unigrams() {
        return unigrams;
    }

    /** Drops the syllables in {@code rejected} and every bigram that uses one of them. */
    public void remove(Set<String> rejected) {
        unigrams.keySet().removeAll(rejected);
        bigrams.keySet().removeIf(key -> {
            int space = key.indexOf(' ');
            return rejected.contains(key.substring(0, space)) || rejected.contains(key.substring(space + 1));
        });
    }

    /** Drops the bigrams seen fewer than {@code min} times; their syllables keep their unigram counts. */
    public void dropBigramsBelow(int min) {
        bigrams.values().removeIf(count -> count < min);
    }

    /** Writes "#" header lines, the syllables (most frequent first, index = order) and the bigrams by index. */
    public void write(List<String> header, OutputStream out) throws IOException {
        List<String> syllables = new ArrayList<>(unigrams.keySet());
        syllables.sort(Comparator.comparing((String s) -> -unigrams.get(s)).thenComparing(s -> s));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < syllables.size(); i++) {
            index.put(syllables.get(i), i);
        }
        List<int[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : bigrams.entrySet()) {
            int space = entry.getKey().indexOf(' ');
            pairs.add(new int[] {index.get(entry.getKey().substring(0, space)),
                    index.get(entry.getKey().substring(space + 1)), entry.getValue()});
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        Writer writer = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8);
        for (String line : header) {
            writer.write("# " + line + "\n");
        }
        writer.write("syllables " + syllables.size() + " bigrams " + pairs.size() + "\n");
        for (String syllable : syllables) {
            writer.write(syllable + '\t' + unigrams.get(syllable) + '\n');
        }
        int previousFirst = -1;
        for (int[] pair : pairs) {
            // the first index is written only when it changes, which keeps the file small
            writer.write((pair[0] == previousFirst ? "" : Integer.toString(pair[0])) + '\t' + pair[1] + '\t' + pair[2] + '\n');
            previousFirst = pair[0];
        }
        writer.close();
    }
}
