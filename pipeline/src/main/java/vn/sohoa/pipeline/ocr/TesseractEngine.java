package vn.sohoa.pipeline.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI1;

/**
 * The one place that talks to Tesseract (through Tess4J's direct mapping of the C API). An engine is not
 * thread-safe: use one per thread ({@link OcrWorkers} does). Set OMP_THREAD_LIMIT=1 in the environment
 * before the library loads; the launcher and the test runner do.
 */
public final class TesseractEngine implements AutoCloseable {

    /**
     * Tesseract's start and end read and write process-wide state (the global parameter table, the dictionary
     * cache), which every recognition reads: a start or an end holds this lock exclusively, every call that
     * reads a page holds it shared, so that no engine starts or ends while another reads.
     */
    private static final ReentrantReadWriteLock PROCESS_STATE = new ReentrantReadWriteLock();

    static {
        // before TessAPI1 loads libtesseract: SoHoa's build of it when there is one, and for the system's, OpenMP
        // calls bound to the serial ones
        TesseractLibrary.install();
        SerialOpenMp.install();
    }

    private static final int OEM_LSTM_ONLY = 1;
    private static final int OEM_LEGACY_ONLY = 0;

    private final OcrSettings settings;
    private final TessBaseAPI api;
    private final TessBaseAPI osd;

    /** Tesseract's version, from the library this process has loaded (loading it, after the choices above). */
    static String libraryVersion() {
        return TessAPI1.TessVersion();
    }

    /**
     * Starts the recognition engine and the orientation engine (OSD) together: an engine started later, at the
     * first page that needs it, would start while other engines read pages.
     */
    public TesseractEngine(OcrSettings settings) {
        settings = BundledModels.resolve(settings);
        this.settings = settings;
        Lock exclusive = PROCESS_STATE.writeLock();
        exclusive.lock();
        try {
            this.api = start(settings);
            try {
                this.osd = startOrientation(settings);
            } catch (RuntimeException e) {
                end(api);
                throw e;
            }
        } finally {
            exclusive.unlock();
        }
    }

    private static TessBaseAPI start(OcrSettings settings) {
        TessBaseAPI api = TessAPI1.TessBaseAPICreate();
        int rc = settings.variables().isEmpty()
                ? TessAPI1.TessBaseAPIInit2(api, settings.tessdata().toString(), settings.language(), OEM_LSTM_ONLY)
                : InitWithVariables.init(api, settings);
        if (rc != 0) {
            TessAPI1.TessBaseAPIDelete(api);
            throw new IllegalStateException("Tesseract could not load the '" + settings.language()
                    + "' model from " + settings.tessdata()
                    + "; install tesseract-ocr-vie (bin/sohoa does) or set TESSDATA_PREFIX");
        }
        TessAPI1.TessBaseAPISetPageSegMode(api, settings.pageSegmentation());
        // keep spaces between words as Tesseract sees them; no dictionary-driven splitting of numbers
        TessAPI1.TessBaseAPISetVariable(api, "preserve_interword_spaces", "0");
        // no second pass over inverted lines (white on black is not found on administrative pages): the CLI
        // reads a rendered quyết định in 1.11 s instead of 1.30 s with it, same text
        TessAPI1.TessBaseAPISetVariable(api, "tessedit_do_invert", "0");
        // no test for fixed-pitch (typewriter) rows, whose chopping only the legacy classifier needs: the CLI
        // reads the real scans vietsample.tif and vietsample2.tif in 10-12 % less time with the same words
        // (the rendered set: the same text and time)
        TessAPI1.TessBaseAPISetVariable(api, "textord_disable_pitch_test", "1");
        return api;
    }

    private static TessBaseAPI startOrientation(OcrSettings settings) {
        TessBaseAPI osd = TessAPI1.TessBaseAPICreate();
        if (TessAPI1.TessBaseAPIInit2(osd, settings.tessdata().toString(), "osd", OEM_LEGACY_ONLY) != 0) {
            TessAPI1.TessBaseAPIDelete(osd);
            throw new IllegalStateException("Tesseract could not load the 'osd' model from " + settings.tessdata()
                    + "; install tesseract-ocr-osd (bin/sohoa does)");
        }
        TessAPI1.TessBaseAPISetPageSegMode(osd, ITessAPI.TessPageSegMode.PSM_OSD_ONLY);
        return osd;
    }

    private static void end(TessBaseAPI handle) {
        TessAPI1.TessBaseAPIEnd(handle);
        TessAPI1.TessBaseAPIDelete(handle);
    }

    /** Recognizes an 8-bit grey page (other image types are converted first), without a time limit. */
    public OcrPage recognize(int pageNumber, BufferedImage image, float dpi) {
        return recognize(pageNumber, image, dpi, null);
    }

    /**
     * Recognizes an 8-bit grey page within {@code timeLimit} (null: none). Tesseract checks the deadline
     * between words, so a pathological page ends shortly after the limit with an {@link OcrTimeoutException}
     * instead of holding its thread; page layout analysis before the first word is not interrupted.
     */
    public OcrPage recognize(int pageNumber, BufferedImage image, float dpi, Duration timeLimit) {
        BufferedImage grey = GreyImages.toGrey(image);
        ITessAPI.ETEXT_DESC monitor = null;
        Lock shared = PROCESS_STATE.readLock();
        shared.lock();
        long started = System.nanoTime();
        try {
            setImage(api, grey, dpi);
            if (timeLimit != null) {
                monitor = TessAPI1.TessMonitorCreate();
                // Tess4J's Java layout of ETEXT_DESC is not the C++ one: never read or write its fields
                monitor.setAutoSynch(false);
                TessAPI1.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, timeLimit.toMillis()));
            }
            int rc = TessAPI1.TessBaseAPIRecognize(api, monitor);
            if (rc != 0) {
                // Tesseract returns -1 when the deadline passed (phototest with 1 ms: -1 after 9 ms instead of
                // the 290 ms a full read takes); a page read in full is kept even when it ended just past it
                if (timeLimit != null && System.nanoTime() - started >= timeLimit.toNanos()) {
                    throw new OcrTimeoutException(pageNumber, timeLimit);
                }
                throw new IllegalStateException("Tesseract failed to recognize page " + pageNumber);
            }
            Read read = readLines();
            return new OcrPage(pageNumber, grey.getWidth(), grey.getHeight(), dpi, read.lines(), read.upright());
        } finally {
            TessAPI1.TessBaseAPIClear(api);
            if (monitor != null) {
                TessAPI1.TessMonitorDelete(monitor);
            }
            shared.unlock();
        }
    }

    /** The words of a page read, line by line, and whether every block of text was read upright. */
    private record Read(List<OcrLine> lines, boolean upright) {
    }

    private Read readLines() {
        TessResultIterator ri = TessAPI1.TessBaseAPIGetIterator(api);
        if (ri == null) {
            return new Read(List.of(), true);
        }
        try {
            boolean choices = settings.symbolChoices();
            return lines(TesseractWords.available()
                    ? TesseractWords.read(ri, choices, settings.choiceRatingCoefficient())
                    : wordsThroughCApi(ri, choices));
        } finally {
            TessAPI1.TessResultIteratorDelete(ri);
        }
    }

    /**
     * The words of a page as Tesseract gives them, through {@link TesseractWords} or through the C API: for
     * the test that compares the two ways.
     */
    List<TesseractWords.Word> words(BufferedImage image, float dpi, boolean throughCApi) {
        BufferedImage grey = GreyImages.toGrey(image);
        Lock shared = PROCESS_STATE.readLock();
        shared.lock();
        try {
            setImage(api, grey, dpi);
            if (TessAPI1.TessBaseAPIRecognize(api, null) != 0) {
                throw new IllegalStateException("Tesseract failed to recognize the page");
            }
            TessResultIterator ri = TessAPI1.TessBaseAPIGetIterator(api);
            try {
                boolean choices = settings.symbolChoices();
                return throughCApi ? wordsThroughCApi(ri, choices)
                        : TesseractWords.read(ri, choices, settings.choiceRatingCoefficient());
            } finally {
                TessAPI1.TessResultIteratorDelete(ri);
            }
        } finally {
            TessAPI1.TessBaseAPIClear(api);
            shared.unlock();
        }
    }

    /** The words in lines, and whether every block was read upright. */
    static Read lines(List<TesseractWords.Word> words) {
        List<OcrLine> lines = new ArrayList<>();
        boolean upright = true;
        List<OcrWord> current = new ArrayList<>();
        for (TesseractWords.Word word : words) {
            // Tesseract finds vertical lines by itself and reads them turned (as vertical writing, lines top
            // to bottom and ordered right to left): the page was not upright
            if (word.startsBlock() && (word.orientation() != ITessAPI.TessOrientation.ORIENTATION_PAGE_UP
                    || word.writingDirection() == ITessAPI.TessWritingDirection.WRITING_DIRECTION_TOP_TO_BOTTOM
                    || word.lineOrder() != ITessAPI.TessTextlineOrder.TEXTLINE_ORDER_TOP_TO_BOTTOM)) {
                upright = false;
            }
            if (word.startsLine() && !current.isEmpty()) {
                lines.add(line(current));
                current = new ArrayList<>();
            }
            String text = word.text().strip();
            if (!text.isEmpty()) {
                current.add(new OcrWord(text, word.box(), word.confidence(), word.symbols()));
            }
        }
        if (!current.isEmpty()) {
            lines.add(line(current));
        }
        return new Read(lines, upright);
    }

    /**
     * The words through Tesseract's C API, when {@link TesseractWords} is not available: the same words,
     * at a cost growing with the square of their number; with {@code choices}, each symbol's alternatives
     * through a ChoiceIterator (Tesseract must have been run with lstm_choice_mode).
     */
    static List<TesseractWords.Word> wordsThroughCApi(TessResultIterator ri, boolean choices) {
        List<TesseractWords.Word> words = new ArrayList<>();
        TessPageIterator pi = TessAPI1.TessResultIteratorGetPageIterator(ri);
        TessAPI1.TessPageIteratorBegin(pi);
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        IntBuffer orientation = IntBuffer.allocate(1);
        IntBuffer writingDirection = IntBuffer.allocate(1);
        IntBuffer lineOrder = IntBuffer.allocate(1);
        FloatBuffer deskew = FloatBuffer.allocate(1);
        do {
            boolean block = TessAPI1.TessPageIteratorIsAtBeginningOf(pi, ITessAPI.TessPageIteratorLevel.RIL_BLOCK) == ITessAPI.TRUE;
            if (block) {
                TessAPI1.TessPageIteratorOrientation(pi, orientation, writingDirection, lineOrder, deskew);
            }
            boolean line = TessAPI1.TessPageIteratorIsAtBeginningOf(pi, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE) == ITessAPI.TRUE;
            Pointer textPointer = TessAPI1.TessResultIteratorGetUTF8Text(ri, ITessAPI.TessPageIteratorLevel.RIL_WORD);
            String text = "";
            if (textPointer != null) {
                text = textPointer.getString(0, StandardCharsets.UTF_8.name());
                TessAPI1.TessDeleteText(textPointer);
            }
            TessAPI1.TessPageIteratorBoundingBox(pi, ITessAPI.TessPageIteratorLevel.RIL_WORD, left, top, right, bottom);
            float confidence = TessAPI1.TessResultIteratorConfidence(ri, ITessAPI.TessPageIteratorLevel.RIL_WORD);
            List<SymbolChoices> symbols = choices && !text.isEmpty() ? symbolsThroughCApi(ri) : List.of();
            words.add(new TesseractWords.Word(block, line, orientation.get(0), writingDirection.get(0), lineOrder.get(0),
                    new Box(left.get(0), top.get(0), right.get(0), bottom.get(0)), confidence, text, symbols));
        } while (TessAPI1.TessPageIteratorNext(pi, ITessAPI.TessPageIteratorLevel.RIL_WORD) == ITessAPI.TRUE);
        return words;
    }

    /** The alternatives of each symbol of the word {@code ri} is at, read on a copy of it. */
    private static List<SymbolChoices> symbolsThroughCApi(TessResultIterator ri) {
        List<SymbolChoices> symbols = new ArrayList<>();
        TessResultIterator symbol = TessAPI1.TessResultIteratorCopy(ri);
        try {
            TessPageIterator position = TessAPI1.TessResultIteratorGetPageIterator(symbol);
            do {
                List<SymbolChoices.Choice> alternatives = new ArrayList<>();
                ITessAPI.TessChoiceIterator ci = TessAPI1.TessResultIteratorGetChoiceIterator(symbol);
                if (ci != null) {
                    try {
                        do {
                            String choice = TessAPI1.TessChoiceIteratorGetUTF8Text(ci);
                            if (choice != null) {
                                alternatives.add(new SymbolChoices.Choice(choice, TessAPI1.TessChoiceIteratorConfidence(ci)));
                            }
                        } while (TessAPI1.TessChoiceIteratorNext(ci) == ITessAPI.TRUE);
                    } finally {
                        TessAPI1.TessChoiceIteratorDelete(ci);
                    }
                }
                symbols.add(new SymbolChoices(alternatives));
            } while (TessAPI1.TessPageIteratorIsAtFinalElement(position, ITessAPI.TessPageIteratorLevel.RIL_WORD,
                    ITessAPI.TessPageIteratorLevel.RIL_SYMBOL) != ITessAPI.TRUE
                    && TessAPI1.TessPageIteratorNext(position, ITessAPI.TessPageIteratorLevel.RIL_SYMBOL) == ITessAPI.TRUE);
        } finally {
            TessAPI1.TessResultIteratorDelete(symbol);
        }
        return symbols;
    }

    private static OcrLine line(List<OcrWord> words) {
        Box box = words.get(0).box();
        for (OcrWord w : words) {
            box = box.union(w.box());
        }
        return new OcrLine(words, box);
    }

    /**
     * Tesseract's orientation and script detection: the clockwise rotation, in degrees (0, 90, 180, 270),
     * that the page needs to be upright, and its confidence; empty when OSD finds too little text.
     */
    public Optional<Orientation> detectOrientation(BufferedImage image, float dpi) {
        return detectOrientation(image, dpi, OSD_FULL_CHARACTERS);
    }

    /**
     * Orientation in two steps: OSD judging {@value #OSD_QUICK_CHARACTERS} characters at least, then, only
     * when that answer's confidence is below {@code confidenceNeeded} (too weak to turn the page by), the
     * full judgement of {@value #OSD_FULL_CHARACTERS}. On the benchmark pages, cardinal.pdf and the rotated
     * phototests the quick step gave the full step's answer every time, in 60 % of its time, with about
     * half its confidence (3.1 to 17.8 where a turn was needed).
     */
    public Optional<Orientation> detectOrientation(BufferedImage image, float dpi, float confidenceNeeded) {
        Optional<Orientation> quick = detectOrientation(image, dpi, OSD_QUICK_CHARACTERS);
        if (quick.isPresent() && quick.get().confidence() >= confidenceNeeded) {
            return quick;
        }
        return detectOrientation(image, dpi, OSD_FULL_CHARACTERS);
    }

    /** Tesseract's default min_characters_to_try: OSD classifies 50 to 250 characters in four orientations. */
    static final int OSD_FULL_CHARACTERS = 50;

    /** The quick judgement: 30 to 150 characters. */
    static final int OSD_QUICK_CHARACTERS = 30;

    private Optional<Orientation> detectOrientation(BufferedImage image, float dpi, int minCharacters) {
        BufferedImage grey = GreyImages.toGrey(image);
        IntBuffer degrees = IntBuffer.allocate(1);
        FloatBuffer degreesConfidence = FloatBuffer.allocate(1);
        PointerByReference script = new PointerByReference();
        FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
        int ok;
        Lock shared = PROCESS_STATE.readLock();
        shared.lock();
        try {
            TessAPI1.TessBaseAPISetVariable(osd, "min_characters_to_try", String.valueOf(minCharacters));
            setImage(osd, grey, dpi);
            ok = TessAPI1.TessBaseAPIDetectOrientationScript(osd, degrees, degreesConfidence, script, scriptConfidence);
            TessAPI1.TessBaseAPIClear(osd);
        } finally {
            shared.unlock();
        }
        if (ok != ITessAPI.TRUE) {
            return Optional.empty();
        }
        // Tesseract reports the page's orientation counter-clockwise; the fix is the opposite turn
        return Optional.of(new Orientation(Math.floorMod(360 - degrees.get(0), 360), degreesConfidence.get(0)));
    }

    /** OSD's answer: rotate the page clockwise by {@code degrees} to make it upright. */
    public record Orientation(int degrees, float confidence) {
    }

    private static void setImage(TessBaseAPI handle, BufferedImage grey, float dpi) {
        try (LeptonicaPage page = new LeptonicaPage(grey, Math.round(dpi))) {
            TessAPI1.TessBaseAPISetImage2(handle, page.pix());
        }
        TessAPI1.TessBaseAPISetSourceResolution(handle, Math.round(dpi));
    }

    /**
     * TessBaseAPIInit4 with the parameters as C string arrays, which Tess4J's own mapping (pointers by
     * reference) cannot pass; init-only parameters take effect only this way.
     */
    private interface InitWithVariables extends com.sun.jna.Library {

        InitWithVariables LIBRARY = com.sun.jna.Native.load(net.sourceforge.tess4j.util.LoadLibs.getTesseractLibName(),
                InitWithVariables.class);

        int TessBaseAPIInit4(Pointer handle, String datapath, String language, int oem, String[] configs,
                             int configsSize, String[] names, String[] values, com.sun.jna.NativeLong count,
                             int setOnlyNonDebugParams);

        static int init(TessBaseAPI api, OcrSettings settings) {
            String[] names = settings.variables().keySet().toArray(String[]::new);
            String[] values = settings.variables().values().toArray(String[]::new);
            return LIBRARY.TessBaseAPIInit4(api.getPointer(), settings.tessdata().toString(), settings.language(),
                    OEM_LSTM_ONLY, null, 0, names, values, new com.sun.jna.NativeLong(names.length), 0);
        }
    }

    @Override
    public void close() {
        Lock exclusive = PROCESS_STATE.writeLock();
        exclusive.lock();
        try {
            end(api);
            end(osd);
        } finally {
            exclusive.unlock();
        }
    }
}
