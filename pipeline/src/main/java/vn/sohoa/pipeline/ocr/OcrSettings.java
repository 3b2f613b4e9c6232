package vn.sohoa.pipeline.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Tesseract data and models to use. {@code tessdata} is the directory holding the traineddata files;
 * {@code language} a Tesseract language string such as "vie" or "vie+Vietnamese" (script models live under
 * script/ and are named "script/Vietnamese"); {@code variables} are Tesseract parameters given when the
 * engine starts (init-only ones such as load_system_dawg included).
 */
public record OcrSettings(Path tessdata, String language, int pageSegmentation, Map<String, String> variables) {

    public OcrSettings {
        variables = Map.copyOf(variables);
    }

    public OcrSettings(Path tessdata, String language, int pageSegmentation) {
        this(tessdata, language, pageSegmentation, Map.of());
    }

    /** Tesseract's fully automatic page segmentation without OSD. */
    public static final int PSM_AUTO = 3;

    private static final List<String> KNOWN_TESSDATA = List.of(
            "/usr/share/tesseract-ocr/5/tessdata",
            "/usr/share/tesseract-ocr/4.00/tessdata",
            "/usr/share/tessdata",
            "/usr/local/share/tessdata");

    /**
     * Debian's vie model and automatic page segmentation. Chosen by {@code bench/run --ocr-variants} (OCR CPU
     * time per page and CER on the benchmark pages, relative to vie): the script model Vietnamese took 1.16
     * times as long for CER 1.26 % against 1.21 %, vie+Vietnamese 1.28 times for 1.10 %; single-column
     * segmentation (psm 4) 0.93 times for 1.25 %, and it runs the two-column header's lines together; no
     * dictionary 1.05 times, the same text. The administrative vocabulary ({@link AdministrativeVocabulary})
     * changed nothing and is left out.
     */
    public static OcrSettings defaults() {
        return new OcrSettings(findTessdata(), model(System.getenv("SOHOA_OCR_MODEL")), PSM_AUTO);
    }

    /**
     * The recognition model: {@code vie} unless SOHOA_OCR_MODEL names another (such as
     * {@value BundledModels#SMALL}, SoHoa's small model, about twice as fast; see ocr-models/train).
     */
    static String model(String requested) {
        return requested == null || requested.isBlank() ? "vie" : requested.strip();
    }

    /** TESSDATA_PREFIX when set, else the first of the usual system locations that holds vie.traineddata. */
    public static Path findTessdata() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        if (prefix != null && !prefix.isBlank()) {
            return Path.of(prefix);
        }
        for (String candidate : KNOWN_TESSDATA) {
            Path dir = Path.of(candidate);
            if (Files.isRegularFile(dir.resolve("vie.traineddata"))) {
                return dir;
            }
        }
        return Path.of(KNOWN_TESSDATA.get(0));
    }

    public OcrSettings withLanguage(String newLanguage) {
        return new OcrSettings(tessdata, newLanguage, pageSegmentation, variables);
    }

    public OcrSettings withTessdata(Path folder) {
        return new OcrSettings(folder, language, pageSegmentation, variables);
    }

    public OcrSettings withPageSegmentation(int mode) {
        return new OcrSettings(tessdata, language, mode, variables);
    }

    /**
     * These settings with the alternatives for every symbol of every word ({@link OcrWord#symbols}): Tesseract's
     * lstm_choice_mode (1 and 2 give ChoiceIterator the same choices; they differ only in hOCR) and the number
     * of decodings after the first, each adding one choice a symbol at most (Tesseract's default is 5).
     */
    public OcrSettings withSymbolChoices(int decodings) {
        return withVariable(CHOICE_MODE, "2").withVariable(CHOICE_ITERATIONS, String.valueOf(decodings));
    }

    /** These settings without the symbols' alternatives. */
    public OcrSettings withoutSymbolChoices() {
        Map<String, String> fewer = new LinkedHashMap<>(variables);
        fewer.remove(CHOICE_MODE);
        fewer.remove(CHOICE_ITERATIONS);
        return new OcrSettings(tessdata, language, pageSegmentation, fewer);
    }

    /** Whether the words are to carry their symbols' alternatives (lstm_choice_mode is set, and not 0). */
    public boolean symbolChoices() {
        String mode = variables.get(CHOICE_MODE);
        return mode != null && !mode.isBlank() && !mode.strip().equals("0");
    }

    /** Tesseract's lstm_rating_coefficient, which turns a choice's rating into its confidence (default 5). */
    double choiceRatingCoefficient() {
        String coefficient = variables.get("lstm_rating_coefficient");
        return coefficient == null || coefficient.isBlank() ? 5 : Double.parseDouble(coefficient.strip());
    }

    private static final String CHOICE_MODE = "lstm_choice_mode";
    private static final String CHOICE_ITERATIONS = "lstm_choice_iterations";

    /** These settings with one more Tesseract parameter. */
    public OcrSettings withVariable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(variables);
        more.put(name, value);
        return new OcrSettings(tessdata, language, pageSegmentation, more);
    }
}
