package vn.sohoa.models.language;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds {@code sohoa/language/syllables.tsv.gz} from the legal-text corpus (evaluation documents and a fixed
 * fifth held out), optionally a corpus of general Vietnamese (Wikipedia articles), SoHoa's administrative
 * vocabulary and, when installed, Debian's hunspell-vi word list. {@code ocr-models/train-syllables} runs it.
 */
public final class SyllableModelTrainer {

    /** Corpus syllables seen fewer times than this are kept only if the dictionary lists them. */
    static final int RARE = 3;
    /** With a general corpus, bigrams seen fewer times than this are dropped: mostly names and typing slips. */
    static final int RARE_BIGRAM = 2;
    static final String USAGE = "usage: SyllableModelTrainer LEGAL_TEXT_DIR USER_WORDS OUTPUT.tsv.gz "
            + "[--dictionary HUNSPELL_DIC] [--general TEXT_DIR --general-source DESCRIPTION]";

    private SyllableModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path userWords = Path.of(args[1]);
        Path output = Path.of(args[2]);
        Path dictionary = null;
        Path general = null;
        String generalSource = null;
        for (int i = 3; i < args.length; i += 2) {
            switch (args[i]) {
                case "--dictionary" -> dictionary = Path.of(args[i + 1]);
                case "--general" -> general = Path.of(args[i + 1]);
                case "--general-source" -> generalSource = args[i + 1];
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        if ((general == null) != (generalSource == null)) {
            System.err.println("--general and --general-source go together (the source is written into the header)\n" + USAGE);
            System.exit(2);
        }
        List<String> names = corpusFiles(corpus);
        List<String> evaluation = HeldOutDocuments.evaluationDocuments(names);
        List<String> testFifth = new ArrayList<>();
        SyllableCounts counts = new SyllableCounts();
        int trained = 0;
        for (String name : names) {
            if (evaluation.contains(name)) {
                continue;
            }
            if (HeldOutDocuments.inTestFifth(name)) {
                testFifth.add(name);
                continue;
            }
            SyllableTokenizer.runs(Files.readString(corpus.resolve(name), StandardCharsets.UTF_8)).forEach(counts::addRun);
            trained++;
        }
        int generalFiles = 0;
        if (general != null) {
            for (Path file : textFilesUnder(general)) {
                SyllableTokenizer.runs(Files.readString(file, StandardCharsets.UTF_8)).forEach(counts::addRun);
                generalFiles++;
            }
            counts.dropBigramsBelow(RARE_BIGRAM);
        }
        int dropped = 0;
        if (dictionary != null) {
            Set<String> listed = dictionarySyllables(dictionary);
            Set<String> rejected = new HashSet<>();
            for (Map.Entry<String, Integer> entry : counts.unigrams().entrySet()) {
                if (entry.getValue() < RARE && !listed.contains(entry.getKey())
                        && !entry.getKey().equals(SyllableModel.BOUNDARY)) {
                    rejected.add(entry.getKey());
                }
            }
            counts.remove(rejected);
            dropped = rejected.size();
        }
        for (String line : Files.readAllLines(userWords, StandardCharsets.UTF_8)) {
            SyllableTokenizer.runs(line).forEach(run -> run.forEach(counts::addSyllable));
        }
        List<String> header = header(trained, evaluation, testFifth, dictionary, dropped,
                general == null ? null : generalSource + " (" + generalFiles + " files).");
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            counts.write(header, out);
        }
        System.out.printf("trained on %d documents (held out %d evaluation, %d test), %d syllables, %d dropped as "
                + "rare and not in the dictionary; wrote %s (%d bytes)%n", trained, evaluation.size(),
                testFifth.size(), counts.unigrams().size() - 1, dropped, output, Files.size(output));
    }

    private static List<String> header(int trained, List<String> evaluation, List<String> testFifth,
                                       Path dictionary, int dropped, String general) {
        List<String> header = new ArrayList<>();
        header.add("SoHoa Vietnamese syllable model: unigram and bigram counts, built by ocr-models/train-syllables.");
        header.add("Format: this header, \"syllables N bigrams M\", N lines syllable<TAB>count (index = order, "
                + "<s> = run edge), M lines first<TAB>second<TAB>count by index (an empty first repeats the last).");
        header.add("Sources: shared corpus legal-text (" + trained + " documents; vbpl.vn via the MIT-licensed "
                + "vbpl-layout-detection repository, see its SOURCE.md); SoHoa's own administrative vocabulary "
                + "(sohoa/tesseract/vie.user-words, unigrams only).");
        if (general != null) {
            header.add("General Vietnamese: " + general + " Bigrams seen fewer than " + RARE_BIGRAM
                    + " times in all are dropped.");
        }
        header.add(dictionary == null ? "Dictionary: none (hunspell-vi not installed)."
                : "Dictionary: Debian hunspell-vi " + dictionary.getFileName() + " (GPL-2), used only to drop "
                + dropped + " corpus syllables seen fewer than " + RARE + " times that it does not list; none of "
                + "its entries are copied here.");
        header.add("Held out, evaluation sets (bench/run default, EvaluationSetWriter default): " + String.join(" ", evaluation));
        header.add("Held out, test fifth (CRC-32 of the file name % 5 == 0): " + String.join(" ", testFifth));
        return header;
    }

    /** The dictionary's entries that are single syllables, lower-cased with the canonical tone placement. */
    static Set<String> dictionarySyllables(Path dic) throws IOException {
        Set<String> syllables = new HashSet<>();
        List<String> lines = Files.readAllLines(dic, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String word = line.split("/", 2)[0].strip();
            for (List<String> run : SyllableTokenizer.runs(word)) {
                syllables.addAll(run);
            }
        }
        return syllables;
    }

    /** Every .txt file under the directory, sorted by path so that the counts do not depend on the file system. */
    static List<Path> textFilesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static List<String> corpusFiles(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        }
    }
}
