package vn.sohoa.pipeline.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * ocr-models' administrative vocabulary for Tesseract: the words (type abbreviations with their issuers,
 * "QĐ-UBND", "NĐ-CP", "V/v", "TM.", the national motto, type names) and patterns (số ký hiệu such as
 * {@code \d\*}/QĐ-UBND, dates, CCCD and tax numbers) in {@code sohoa/tesseract/vie.user-*}. Tesseract
 * reads them from files, so they are copied out of the jar once per process.
 *
 * <p>Measured with {@code bench/run --ocr-variants --variants "base|vocabulary"} on the 16 benchmark pages:
 * the same text to the character with and without them (CER 0.89 %), at 1 % more OCR time; the vie LSTM
 * model already reads these notations. So the engines SoHoa runs do without them (a user-patterns code path
 * of Tesseract's LSTM decoder that buys nothing is a risk on the strange pages of the robustness corpus);
 * the benchmark keeps them as a variant to measure again with another model.
 */
public final class AdministrativeVocabulary {

    private static Path words;
    private static Path patterns;

    private AdministrativeVocabulary() {
    }

    /** The settings with the vocabulary's user-words and user-patterns files. */
    public static OcrSettings addTo(OcrSettings settings) {
        materialize();
        return settings.withVariable("user_words_file", words.toString())
                .withVariable("user_patterns_file", patterns.toString());
    }

    private static synchronized void materialize() {
        if (words != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("sohoa-vocabulary");
            dir.toFile().deleteOnExit();
            words = copy(dir, "vie.user-words");
            patterns = copy(dir, "vie.user-patterns");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OCR vocabulary to a temporary directory", e);
        }
    }

    private static Path copy(Path dir, String name) throws IOException {
        try (InputStream in = AdministrativeVocabulary.class.getResourceAsStream("/sohoa/tesseract/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sohoa/tesseract/" + name + " is missing from ocr-models");
            }
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
