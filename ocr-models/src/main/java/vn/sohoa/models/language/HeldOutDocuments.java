package vn.sohoa.models.language;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Which legal-text documents the syllable model must not see: those SoHoa's evaluation pages are rendered from
 * (bench's default set and EvaluationSetWriter's default set) and a fixed fifth of the rest, for its own test.
 */
public final class HeldOutDocuments {

    /** {@code bench/run}'s default: 16 pages, seed 3, every other page from the corpus (BenchSet). */
    static final long BENCH_SEED = 3;
    static final int BENCH_CORPUS_DOCUMENTS = 8;
    /** {@code EvaluationSetWriter}'s default: 20 documents, seed 7, every other one from the corpus. */
    static final long EVALUATION_SEED = 7;
    static final int EVALUATION_CORPUS_DOCUMENTS = 10;

    private HeldOutDocuments() {
    }

    /**
     * The corpus files the evaluation sets render, given every {@code .txt} file name of the corpus: the same
     * shuffle BenchSet and EvaluationSetWriter make (sorted names, {@code Collections.shuffle(new Random(seed))}).
     */
    public static List<String> evaluationDocuments(List<String> fileNames) {
        List<String> chosen = new ArrayList<>(firstAfterShuffle(fileNames, BENCH_SEED, BENCH_CORPUS_DOCUMENTS));
        for (String name : firstAfterShuffle(fileNames, EVALUATION_SEED, EVALUATION_CORPUS_DOCUMENTS)) {
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        Collections.sort(chosen);
        return chosen;
    }

    /** Whether a file belongs to the model's own held-out fifth: a CRC-32 of its name, stable across machines. */
    public static boolean inTestFifth(String fileName) {
        CRC32 crc = new CRC32();
        crc.update(fileName.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }

    static List<String> firstAfterShuffle(List<String> fileNames, long seed, int count) {
        List<String> sorted = new ArrayList<>(fileNames);
        Collections.sort(sorted);
        Collections.shuffle(sorted, new Random(seed));
        return sorted.subList(0, Math.min(count, sorted.size()));
    }
}
