package vn.sohoa.pipeline.ocr;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.sohoa.models.language.Marks;
import vn.sohoa.models.language.SyllableModel;
import vn.sohoa.models.language.VietnameseSyllable;

/**
 * Tone marks and vowel marks chosen again with the syllable model: for each lower-case Vietnamese word, the
 * spellings its pixels support (Tesseract's own alternatives for its letters, {@link OcrWord#symbols}, that
 * differ from the letter read only by a mark) are scored by the model in the context of the neighbouring
 * words, and the read spelling is replaced only when another is clearly likelier. Words with a capital letter
 * (names, headings, the start of a sentence) or a digit are never changed, so no correction can invent a
 * person's name or a number.
 */
public final class ToneCorrection {

    /** Tesseract decodings after the first that the page path asks for: each may add one alternative a letter. */
    public static final int DECODINGS = 3;
    /** The weight of the letters' confidences and the margin the page path uses (ToneCorrectionTuning). */
    static final double OCR_WEIGHT = 3;
    static final double MARGIN = 0.5;

    /** An alternative below this confidence is not something the pixels support. */
    static final float MIN_ALTERNATIVE = 10;
    /** At most this many letters of a word change. */
    private static final int MAX_CHANGES = 2;
    private static final int MAX_CANDIDATES = 64;

    private final SyllableModel model;
    private final double ocrWeight;
    private final double margin;

    /**
     * @param ocrWeight how much the letters' confidences count against the model (log10 units per log10 unit)
     * @param margin how much likelier (log10) another spelling must be before it replaces the one read
     */
    public ToneCorrection(SyllableModel model, double ocrWeight, double margin) {
        this.model = model;
        this.ocrWeight = ocrWeight;
        this.margin = margin;
    }

    /** The correction the page path uses: the bundled syllable model, read once a process. */
    public static ToneCorrection bundled() {
        return Bundled.CORRECTION;
    }

    private static final class Bundled {
        static final ToneCorrection CORRECTION = new ToneCorrection(SyllableModel.load(), OCR_WEIGHT, MARGIN);
    }

    /** The page with its words' marks corrected; the alternatives are dropped, having been used. */
    public OcrPage correct(OcrPage page) {
        List<OcrLine> lines = new ArrayList<>(page.lines().size());
        for (OcrLine line : page.lines()) {
            List<OcrWord> words = line.words();
            List<OcrWord> corrected = new ArrayList<>(words.size());
            for (int i = 0; i < words.size(); i++) {
                OcrWord word = words.get(i);
                String previous = i == 0 ? null : context(words.get(i - 1), true);
                String next = i + 1 == words.size() ? null : context(words.get(i + 1), false);
                String text = correct(word, previous, next);
                corrected.add(new OcrWord(text, word.box(), word.confidence()));
            }
            lines.add(new OcrLine(corrected, line.box()));
        }
        return new OcrPage(page.number(), page.width(), page.height(), page.dpi(), lines, page.readUpright());
    }

    /** The word's text, corrected when the model and the pixels agree on another spelling. */
    String correct(OcrWord word, String previous, String next) {
        String text = Normalizer.normalize(word.text(), Normalizer.Form.NFC);
        int[] letters = text.codePoints().toArray();
        if (word.symbols().size() != letters.length) {
            return word.text();
        }
        int start = 0;
        while (start < letters.length && !Character.isLetter(letters[start])) {
            start++;
        }
        int end = letters.length;
        while (end > start && !Character.isLetter(letters[end - 1])) {
            end--;
        }
        if (start == end) {
            return word.text();
        }
        for (int k = start; k < end; k++) {
            if (!Character.isLetter(letters[k]) || Character.isUpperCase(letters[k])) {
                return word.text();
            }
        }
        String core = new String(letters, start, end - start);
        if (!VietnameseSyllable.isValid(core) && VietnameseSyllable.toneVariants(core).isEmpty()) {
            // not a Vietnamese syllable at all (a foreign word, a code): nothing to choose among
            return word.text();
        }
        if (start > 0) {
            previous = SyllableModel.BOUNDARY;
        }
        if (end < letters.length) {
            next = SyllableModel.BOUNDARY;
        }
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate(letters.clone(), 0, 0));
        for (int k = start; k < end; k++) {
            String read = new String(letters, k, 1);
            float readConfidence = confidenceOf(word.symbols().get(k), read);
            List<Candidate> grown = new ArrayList<>(candidates);
            for (SymbolChoices.Choice choice : word.symbols().get(k).choices()) {
                String alternative = Normalizer.normalize(choice.text(), Normalizer.Form.NFC);
                if (alternative.equals(read) || alternative.codePointCount(0, alternative.length()) != 1
                        || choice.confidence() < MIN_ALTERNATIVE
                        || Marks.base(alternative.charAt(0)) != Marks.base(read.charAt(0))) {
                    continue;
                }
                double cost = Math.log10(Math.max(readConfidence, 1) / Math.max(choice.confidence(), 1));
                for (Candidate c : candidates) {
                    if (c.changes < MAX_CHANGES && grown.size() < MAX_CANDIDATES) {
                        int[] changed = c.letters.clone();
                        changed[k] = alternative.codePointAt(0);
                        grown.add(new Candidate(changed, c.changes + 1, c.cost + cost));
                    }
                }
            }
            candidates = grown;
        }
        if (candidates.size() == 1) {
            return word.text();
        }
        Candidate best = candidates.get(0);
        double bestScore = score(best, start, end, previous, next);
        double readScore = bestScore;
        for (Candidate c : candidates.subList(1, candidates.size())) {
            String spelled = new String(c.letters, start, end - start);
            if (!VietnameseSyllable.isValid(spelled) || !model.known(spelled)) {
                continue;
            }
            double s = score(c, start, end, previous, next);
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        return bestScore - readScore >= margin ? new String(best.letters, 0, best.letters.length) : word.text();
    }

    private double score(Candidate c, int start, int end, String previous, String next) {
        return model.score(previous, new String(c.letters, start, end - start), next) - ocrWeight * c.cost;
    }

    /** The neighbour as context: its letters lower-cased, or a boundary when punctuation or a number parts them. */
    private String context(OcrWord neighbour, boolean before) {
        String text = Normalizer.normalize(neighbour.text(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            return null;
        }
        int edge = before ? text.codePointBefore(text.length()) : text.codePointAt(0);
        if (!Character.isLetter(edge)) {
            return SyllableModel.BOUNDARY;
        }
        String letters = text.replaceAll("^\\P{L}+|\\P{L}+$", "").toLowerCase(Locale.ROOT);
        return VietnameseSyllable.isValid(letters) ? letters : SyllableModel.BOUNDARY;
    }

    private static float confidenceOf(SymbolChoices symbol, String read) {
        for (SymbolChoices.Choice choice : symbol.choices()) {
            if (Normalizer.normalize(choice.text(), Normalizer.Form.NFC).equals(read)) {
                return choice.confidence();
            }
        }
        return symbol.choices().isEmpty() ? 100 : symbol.choices().get(0).confidence();
    }

    private record Candidate(int[] letters, int changes, double cost) {
    }
}
