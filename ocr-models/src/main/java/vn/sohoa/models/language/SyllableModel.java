package vn.sohoa.models.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A Vietnamese syllable bigram model with stupid backoff, so that among the tone variants an OCR engine offers
 * for a word the one that fits its neighbours wins.
 */
public final class SyllableModel {

    /** The neighbour at the edge of a run (line start or end, punctuation, a number, a foreign word). */
    public static final String BOUNDARY = "<s>";
    /** The bundled model, built by {@code ocr-models/train-syllables}. */
    public static final String RESOURCE = "sohoa/language/syllables.tsv.gz";

    private static final double BACKOFF = 0.4;
    /** Pseudo-count of a syllable never seen, so that it scores below every seen one but not minus infinity. */
    private static final double UNSEEN = 0.5;

    private final List<String> header;
    private final Map<String, Integer> index;
    private final int[] counts;
    private final Map<Long, Integer> bigrams;
    private final long total;

    private SyllableModel(List<String> header, Map<String, Integer> index, int[] counts, Map<Long, Integer> bigrams) {
        this.header = header;
        this.index = index;
        this.counts = counts;
        this.bigrams = bigrams;
        long sum = 0;
        for (int count : counts) {
            sum += count;
        }
        this.total = sum;
    }

    /** The model bundled in the jar. */
    public static SyllableModel load() {
        try (InputStream in = SyllableModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath; run ocr-models/train-syllables");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads the gzip text that {@link SyllableCounts#write} writes. */
    public static SyllableModel read(InputStream gzip) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8));
        List<String> header = new ArrayList<>();
        String line = reader.readLine();
        while (line != null && line.startsWith("#")) {
            header.add(line.substring(1).strip());
            line = reader.readLine();
        }
        if (line == null || !line.startsWith("syllables ")) {
            throw new IOException("not a syllable model: no \"syllables N bigrams M\" line");
        }
        String[] sizes = line.split(" ");
        int syllableCount = Integer.parseInt(sizes[1]);
        int bigramCount = Integer.parseInt(sizes[3]);
        Map<String, Integer> index = new HashMap<>(syllableCount * 2);
        int[] counts = new int[syllableCount];
        for (int i = 0; i < syllableCount; i++) {
            String[] fields = reader.readLine().split("\t");
            index.put(fields[0], i);
            counts[i] = Integer.parseInt(fields[1]);
        }
        Map<Long, Integer> bigrams = new HashMap<>(bigramCount * 2);
        int first = -1;
        for (int i = 0; i < bigramCount; i++) {
            String[] fields = reader.readLine().split("\t");
            if (!fields[0].isEmpty()) {
                first = Integer.parseInt(fields[0]);
            }
            bigrams.put(key(first, Integer.parseInt(fields[1])), Integer.parseInt(fields[2]));
        }
        return new SyllableModel(List.copyOf(header), index, counts, bigrams);
    }

    /** The resource's header lines (sources, licences, held-out documents), without the "#". */
    public List<String> header() {
        return header;
    }

    /** Whether the syllable was seen in training (any case, any tone placement). */
    public boolean known(String syllable) {
        return index.containsKey(key(syllable));
    }

    /** The valid syllables that differ from this one only by tone, canonical placement, toneless first. */
    public List<String> toneVariants(String syllable) {
        return VietnameseSyllable.toneVariants(syllable);
    }

    /**
     * log10 of P(syllable | previous) · P(next | syllable) by stupid backoff: comparable between candidates for
     * the same position. A null neighbour is unknown and left out; {@link #BOUNDARY} is a run edge.
     */
    public double score(String previous, String syllable, String next) {
        String middle = key(syllable);
        double score = previous == null ? Math.log10(unigram(middle)) : Math.log10(conditional(key(previous), middle));
        if (next != null) {
            score += Math.log10(conditional(middle, key(next)));
        }
        return score;
    }

    /** Stupid backoff: the bigram's relative frequency if seen, else a fraction of the unigram's. */
    private double conditional(String previous, String syllable) {
        Integer p = index.get(previous);
        Integer s = index.get(syllable);
        if (p != null && s != null) {
            Integer pair = bigrams.get(key(p, s));
            if (pair != null) {
                return pair / (double) counts[p];
            }
        }
        return BACKOFF * unigram(syllable);
    }

    private double unigram(String syllable) {
        Integer s = index.get(syllable);
        double count = s == null ? UNSEEN : counts[s];
        return count / (total + UNSEEN * counts.length);
    }

    private static String key(String syllable) {
        if (syllable.equals(BOUNDARY)) {
            return syllable;
        }
        return VietnameseSyllable.canonical(Normalizer.normalize(syllable, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
    }

    private static long key(int previous, int syllable) {
        return ((long) previous << 32) | syllable;
    }
}
