package vn.sohoa.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.sohoa.models.language.Marks;
import vn.sohoa.pipeline.cleanup.StageClock;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.ocr.OcrWord;
import vn.sohoa.pipeline.ocr.SymbolChoices;
import vn.sohoa.pipeline.ocr.TesseractEngine;

/**
 * Whether Tesseract's per-symbol alternatives (lstm_choice_mode) hold the right tone marks where vie misreads
 * them, on the real scans with hand transcriptions, and what they cost. Run by hand (not a test):
 * {@code java -cp <test classpath> vn.sohoa.pipeline.SymbolChoicesExperiment [decodings] [repeats]}. Each page
 * goes through SoHoa's PageReader (cleanup and OCR) on an engine without choices and one with them, in turn, so
 * that both are timed on the same pages in the same run; OCR words are aligned to the transcription's words
 * (edit distance on word sequences) and every word that differs only in its marks is judged.
 *
 * <p>2026-12-07, vie, vietsample.tif pages 1-2 and vietsample2.png (1,798 words): 58 words wrong only in their
 * marks; the right word could be spelled from the alternatives for 55 of them with 5 decodings after the first
 * (rank of the right letter 1: 32, 2: 18, 3: 3, 4: 3), 52 with 3, 47 with 2, 31 with 1. The right alternative's
 * confidence had a median of 63 (38 of 56 at 50 or more), the wrong letter read a median of 92 (76 at the
 * least); at the letters of right words 8,587 of the 9,505 other alternatives were at 0 and 184 at 50 or more
 * (129 of 1,730 right words had one, whatever the decodings). OCR took 1.32-1.50 times as long with 5
 * decodings, 1.22 with 3, 1.14-1.20 with 2, 1.08 with 1 (medians of 3-5 runs; a benchmark ran beside it).
 */
public final class SymbolChoicesExperiment {

    private record Scan(String file, int page, String truth) {
    }

    private static final List<Scan> SCANS = List.of(
            new Scan("real-scans/vietsample.tif", 0, "real-scans/gt/vietsample-p1.txt"),
            new Scan("real-scans/vietsample.tif", 1, "real-scans/gt/vietsample-p2.txt"),
            new Scan("real-scans/vietsample2.png", 0, "real-scans/gt/vietsample2-png-p1.txt"));

    private SymbolChoicesExperiment() {
    }

    public static void main(String[] args) throws Exception {
        int decodings = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PageReader reader = new PageReader(DigitizerSettings.defaults().withToneCorrection(false));
        int errors = 0;
        int hits = 0;
        int hitsWithRead = 0;
        int unaligned = 0;
        int words = 0;
        int rightWords = 0;
        int rightWordsWithStrongAlternative = 0;
        int[] ranks = new int[8];
        int symbolMismatch = 0;
        int topDiffers = 0;
        long alternatives = 0;
        long symbols = 0;
        List<Float> right = new ArrayList<>();
        List<Float> wrongTop = new ArrayList<>();
        List<Float> wrongAlternatives = new ArrayList<>();
        List<Float> rightTop = new ArrayList<>();
        double[] ocrPlain = new double[SCANS.size()];
        double[] ocrChoices = new double[SCANS.size()];
        double[] cpuPlain = new double[SCANS.size()];
        double[] cpuChoices = new double[SCANS.size()];
        try (TesseractEngine plain = new TesseractEngine(OcrSettings.defaults());
             TesseractEngine withChoices = new TesseractEngine(OcrSettings.defaults().withSymbolChoices(decodings))) {
            for (int s = 0; s < SCANS.size(); s++) {
                Scan scan = SCANS.get(s);
                PageImage page = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(scan.file())).get(scan.page());
                List<String> truth = Arrays.asList(nfc(Files.readString(SharedCorpus.file(scan.truth()))).strip().split("\\s+"));
                PageReading reading = null;
                double[] wallPlain = new double[repeats];
                double[] wallChoices = new double[repeats];
                double[] timePlain = new double[repeats];
                double[] timeChoices = new double[repeats];
                reader.read(plain, page);
                reader.read(withChoices, page);
                for (int r = 0; r < repeats; r++) {
                    StageClock clock = new StageClock();
                    long cpu = threads.getCurrentThreadCpuTime();
                    reader.read(plain, page, clock);
                    timePlain[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                    wallPlain[r] = clock.millis().get("ocr");
                    clock = new StageClock();
                    cpu = threads.getCurrentThreadCpuTime();
                    reading = reader.read(withChoices, page, clock);
                    timeChoices[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                    wallChoices[r] = clock.millis().get("ocr");
                }
                ocrPlain[s] = median(wallPlain);
                ocrChoices[s] = median(wallChoices);
                cpuPlain[s] = median(timePlain);
                cpuChoices[s] = median(timeChoices);
                List<OcrWord> read = reading.ocr().words();
                words += read.size();
                for (OcrWord w : read) {
                    String text = nfc(w.text());
                    if (w.symbols().size() != text.codePointCount(0, text.length())) {
                        symbolMismatch++;
                        continue;
                    }
                    StringBuilder tops = new StringBuilder();
                    for (SymbolChoices c : w.symbols()) {
                        symbols++;
                        alternatives += c.choices().size();
                        tops.append(c.choices().isEmpty() ? "?" : c.choices().get(0).text());
                    }
                    if (!tops.toString().equals(text)) {
                        topDiffers++;
                    }
                }
                List<String> ocr = read.stream().map(w -> nfc(w.text())).toList();
                int[][] pairs = align(ocr, truth);
                System.out.printf("%s p%d: %d OCR words, %d transcribed; OCR %.0f ms without choices, %.0f ms with"
                                + " (page CPU %.0f / %.0f ms)%n", scan.file(), scan.page() + 1, ocr.size(), truth.size(),
                        ocrPlain[s], ocrChoices[s], cpuPlain[s], cpuChoices[s]);
                for (int[] pair : pairs) {
                    OcrWord word = read.get(pair[0]);
                    String got = ocr.get(pair[0]);
                    String want = truth.get(pair[1]);
                    if (got.equals(want)) {
                        collectRight(word, rightTop, wrongAlternatives);
                        rightWords++;
                        if (word.symbols().stream().anyMatch(c -> c.choices().stream().skip(1).anyMatch(x -> x.confidence() >= 50))) {
                            rightWordsWithStrongAlternative++;
                        }
                        continue;
                    }
                    if (!bare(got).equals(bare(want))) {
                        continue;
                    }
                    errors++;
                    int[] g = got.codePoints().toArray();
                    int[] t = want.codePoints().toArray();
                    if (g.length != t.length || word.symbols().size() != g.length) {
                        unaligned++;
                        System.out.printf("  %s -> %s: symbols not one a letter%n", want, got);
                        continue;
                    }
                    boolean hit = true;
                    boolean hitWithRead = true;
                    StringBuilder detail = new StringBuilder();
                    for (int i = 0; i < g.length; i++) {
                        if (g[i] == t[i]) {
                            continue;
                        }
                        String need = new String(Character.toChars(t[i]));
                        List<SymbolChoices.Choice> choices = word.symbols().get(i).choices();
                        SymbolChoices.Choice found = choices.stream().filter(c -> c.text().equals(need)).findFirst().orElse(null);
                        if (!choices.isEmpty()) {
                            wrongTop.add(choices.get(0).confidence());
                        }
                        if (found == null) {
                            hit = false;
                            hitWithRead = false;
                        } else {
                            right.add(found.confidence());
                            ranks[Math.min(7, choices.indexOf(found))]++;
                        }
                        detail.append(String.format(Locale.ROOT, " [%d %s->%s: %s]", i,
                                new String(Character.toChars(g[i])), need, describe(choices)));
                    }
                    if (hit) {
                        hits++;
                    }
                    if (hitWithRead) {
                        hitsWithRead++;
                    }
                    System.out.printf("  %-12s read %-12s %s%s%n", want, got, hit ? "HIT " : "miss", detail);
                }
            }
            sameChoicesInBothModes(reader, decodings);
        }
        System.out.printf("%nwords read %d; words whose symbols are not one a letter %d; whose first choices do not"
                + " spell the word %d; choices a symbol %.2f%n", words, symbolMismatch, topDiffers, (double) alternatives / symbols);
        System.out.printf("diacritic-only errors %d: right word formable from the alternatives %d (%.0f %%), %d not"
                + " aligned one symbol a letter%n", errors, hits, 100.0 * hits / Math.max(1, errors), unaligned);
        System.out.printf("confidence of the right alternative at a wrong letter: %s%n", quantiles(right));
        System.out.printf("rank of the right alternative (0 = first): %s%n", Arrays.toString(ranks));
        System.out.printf("right words %d, of which with another alternative of confidence >= 50: %d%n", rightWords,
                rightWordsWithStrongAlternative);
        System.out.printf("confidence of the (wrong) first choice at a wrong letter: %s%n", quantiles(wrongTop));
        System.out.printf("confidence of the first choice at letters of right words: %s%n", quantiles(rightTop));
        System.out.printf("confidence of the other (wrong) alternatives at letters of right words: %s%n",
                quantiles(wrongAlternatives));
        double p = Arrays.stream(ocrPlain).sum();
        double c = Arrays.stream(ocrChoices).sum();
        double pc = Arrays.stream(cpuPlain).sum();
        double cc = Arrays.stream(cpuChoices).sum();
        System.out.printf("OCR time, %d decodings after the first, medians of %d: %.0f ms -> %.0f ms (x%.2f);"
                + " whole page CPU %.0f -> %.0f ms (x%.2f)%n", decodings, repeats, p, c, c / p, pc, cc, cc / pc);
    }

    /** On a right word: the first choice's confidence at each letter, and every other alternative's. */
    private static void collectRight(OcrWord word, List<Float> top, List<Float> others) {
        for (SymbolChoices s : word.symbols()) {
            for (int i = 0; i < s.choices().size(); i++) {
                (i == 0 ? top : others).add(s.choices().get(i).confidence());
            }
        }
    }

    /** lstm_choice_mode 1 and 2 give the same choices (Tesseract runs the same decodings for both). */
    private static void sameChoicesInBothModes(PageReader reader, int decodings) throws Exception {
        PageImage page = new ScanDecoder(IntakeLimits.DEFAULT).decode(SharedCorpus.file(SCANS.get(2).file())).get(0);
        OcrSettings two = OcrSettings.defaults().withSymbolChoices(decodings);
        List<OcrWord> a;
        List<OcrWord> b;
        try (TesseractEngine engine = new TesseractEngine(two)) {
            a = reader.read(engine, page).ocr().words();
        }
        try (TesseractEngine engine = new TesseractEngine(two.withVariable("lstm_choice_mode", "1"))) {
            b = reader.read(engine, page).ocr().words();
        }
        System.out.printf("lstm_choice_mode 1 and 2: the same words and choices: %s%n", a.equals(b));
    }

    private static String describe(List<SymbolChoices.Choice> choices) {
        StringBuilder out = new StringBuilder();
        for (SymbolChoices.Choice c : choices) {
            out.append(String.format(Locale.ROOT, "%s%s %.1f", out.length() == 0 ? "" : ", ", c.text(), c.confidence()));
        }
        return out.toString();
    }

    private static String quantiles(List<Float> values) {
        if (values.isEmpty()) {
            return "none";
        }
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        Arrays.sort(v);
        long above50 = values.stream().filter(x -> x >= 50).count();
        long zero = values.stream().filter(x -> x <= 0).count();
        return String.format(Locale.ROOT, "n=%d min %.1f p10 %.1f p25 %.1f median %.1f p75 %.1f p90 %.1f max %.1f;"
                        + " >=50: %d, =0: %d", v.length, v[0], v[v.length / 10], v[v.length / 4], v[v.length / 2],
                v[v.length * 3 / 4], v[v.length * 9 / 10], v[v.length - 1], above50, zero);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** The letters without any mark (đ as d). */
    static String bare(String s) {
        return Marks.withoutMarks(s);
    }

    /**
     * Pairs (OCR index, transcription index) of a least-cost alignment of the two word sequences: a word
     * matched costs 0, one that differs only in marks 0.5, any other substitution, insertion or deletion 1.
     */
    static int[][] align(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        double[][] d = new double[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double sub = d[i - 1][j - 1] + substitution(a.get(i - 1), b.get(j - 1));
                d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            if (d[i][j] == d[i - 1][j - 1] + substitution(a.get(i - 1), b.get(j - 1))) {
                pairs.add(0, new int[] {i - 1, j - 1});
                i--;
                j--;
            } else if (d[i][j] == d[i - 1][j] + 1) {
                i--;
            } else {
                j--;
            }
        }
        return pairs.toArray(int[][]::new);
    }

    private static double substitution(String x, String y) {
        return x.equals(y) ? 0 : bare(x).equals(bare(y)) ? 0.5 : 1;
    }
}
