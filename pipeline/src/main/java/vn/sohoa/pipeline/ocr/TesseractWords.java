package vn.sohoa.pipeline.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import vn.sohoa.pipeline.NativePlatform;
import vn.sohoa.pipeline.UserCache;

/**
 * The words of a recognized page in one native call (src/main/c/words.cpp), walking Tesseract's results left
 * to right: through the C API every step to the next word restarts the line from the start of the page (its
 * right-to-left reordering), so a page's words cost the square of their number, 35-40 ms for a dense page's 600
 * words, besides six JNA calls a word. Vietnamese lines run left to right, so the words, their boxes and
 * confidences are the same (TesseractWordsTest). Loaded after libtesseract, whose symbols it takes from the
 * process; {@link #available} is false when the jar has no build of it or it did not load, and
 * {@code SOHOA_TESSERACT_WORDS=0} turns it off: {@link TesseractEngine} then walks the C API's iterator.
 */
final class TesseractWords {

    private static final Logger LOG = Logger.getLogger(TesseractWords.class.getName());
    private static final String NAME = "libsohoa-words.so";
    private static final int RTLD_NOW = 2;
    private static final int RTLD_GLOBAL = 0x100;

    /** One word as Tesseract gave it, with the orientation of its block and its symbols' alternatives if asked. */
    record Word(boolean startsBlock, boolean startsLine, int orientation, int writingDirection, int lineOrder,
                Box box, float confidence, String text, List<SymbolChoices> symbols) {
    }

    private interface Words extends Library {
        Pointer sohoa_words(Pointer iterator, int withChoices);

        void sohoa_words_free(Pointer words);
    }

    private static Words library;
    private static boolean tried;

    private TesseractWords() {
    }

    /** Whether the words can be read this way; loads the library the first time (libtesseract must be loaded). */
    static synchronized boolean available() {
        if (!tried) {
            tried = true;
            library = load().orElse(null);
        }
        return library != null;
    }

    /**
     * The words of the page {@code iterator} is on, from its first, with their symbols' alternatives when
     * {@code choices} (Tesseract must have been run with lstm_choice_mode), their ratings turned into
     * confidences with {@code ratingCoefficient} as ChoiceIterator does; {@link #available} must be true.
     */
    static List<Word> read(TessResultIterator iterator, boolean choices, double ratingCoefficient) {
        Pointer words = library.sohoa_words(iterator.getPointer(), choices ? 1 : 0);
        if (words == null) {
            throw new OutOfMemoryError("no memory for the words of a page");
        }
        try {
            return parse(words.getString(0, StandardCharsets.UTF_8.name()), ratingCoefficient);
        } finally {
            library.sohoa_words_free(words);
        }
    }

    /**
     * words.cpp's lines: ten numbers separated by spaces, a tab, the word's text, and with choices a tab
     * and "choice rating ..." for each symbol.
     */
    static List<Word> parse(String lines, double ratingCoefficient) {
        List<Word> words = new ArrayList<>();
        int start = 0;
        while (start < lines.length()) {
            int end = lines.indexOf('\n', start);
            if (end < 0) {
                end = lines.length();
            }
            int tab = lines.indexOf('\t', start);
            if (tab < 0 || tab > end) {
                throw new IllegalStateException("unexpected word line: " + lines.substring(start, end));
            }
            String[] n = lines.substring(start, tab).split(" ");
            int textEnd = lines.indexOf('\t', tab + 1);
            if (textEnd < 0 || textEnd > end) {
                textEnd = end;
            }
            List<SymbolChoices> symbols = textEnd < end
                    ? symbols(lines.substring(textEnd + 1, end), ratingCoefficient) : List.of();
            words.add(new Word(n[0].equals("1"), n[1].equals("1"), Integer.parseInt(n[2]), Integer.parseInt(n[3]),
                    Integer.parseInt(n[4]),
                    new Box(Integer.parseInt(n[5]), Integer.parseInt(n[6]), Integer.parseInt(n[7]), Integer.parseInt(n[8])),
                    Float.parseFloat(n[9]), lines.substring(tab + 1, textEnd), symbols));
            start = end + 1;
        }
        return words;
    }

    /** The symbols of one word: tab-separated, each "choice rating choice rating ...", possibly empty. */
    private static List<SymbolChoices> symbols(String fields, double ratingCoefficient) {
        List<SymbolChoices> symbols = new ArrayList<>();
        for (String field : fields.split("\t", -1)) {
            List<SymbolChoices.Choice> choices = new ArrayList<>();
            String[] parts = field.isEmpty() ? new String[0] : field.split(" ");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                choices.add(new SymbolChoices.Choice(parts[i], confidence(Float.parseFloat(parts[i + 1]), ratingCoefficient)));
            }
            symbols.add(new SymbolChoices(choices));
        }
        return symbols;
    }

    /** ChoiceIterator::Confidence: 100 less the coefficient times the rating, within 0 to 100. */
    static float confidence(float rating, double ratingCoefficient) {
        return (float) Math.max(0, Math.min(100, 100 - ratingCoefficient * rating));
    }

    private static Optional<Words> load() {
        Optional<URL> resource = NativePlatform.bundledUnless("SOHOA_TESSERACT_WORDS", "0", NAME);
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        try {
            // the libtesseract in use (loaded now if it was not yet), into the global scope the library's
            // undefined symbols are looked up in
            TesseractEngine.libraryVersion();
            Optional<Path> tesseract = TesseractLibrary.mapped();
            if (tesseract.isEmpty()) {
                return Optional.empty();
            }
            NativeLibrary.getInstance(tesseract.get().toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_GLOBAL));
            Path copy = UserCache.copyOutNamed(resource.get(), "native/words", NAME);
            return Optional.of(Native.load(copy.toString(), Words.class, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW)));
        } catch (Exception | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "Tesseract's words are read through its C API: " + NAME + " did not load", e);
            return Optional.empty();
        }
    }
}
