package vn.sohoa.pipeline;

import java.util.List;
import vn.sohoa.pipeline.cleanup.CleanPage;
import vn.sohoa.pipeline.cleanup.Downscale;
import vn.sohoa.pipeline.cleanup.PageCleanup;
import vn.sohoa.pipeline.cleanup.StageClock;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrResolution;
import vn.sohoa.pipeline.ocr.OcrWord;
import vn.sohoa.pipeline.ocr.TesseractEngine;
import vn.sohoa.pipeline.ocr.ToneCorrection;

/**
 * The path of one page through cleanup and OCR on one engine: cleaned (orientation from the text lines; when
 * they are not clear, their guess, kept if the page then reads as upright text with a high confidence, else
 * the engine's OSD decides and the page is read again if it turns it otherwise), read at the resolution
 * {@link OcrResolution} chooses, the words given in the cleaned page's pixels, their tone marks chosen again
 * by {@link ToneCorrection} when the settings ask for it.
 */
public final class PageReader {

    private final DigitizerSettings settings;

    public PageReader(DigitizerSettings settings) {
        this.settings = settings;
    }

    public PageReading read(TesseractEngine engine, PageImage page) {
        return read(engine, page, StageClock.NONE);
    }

    /** Reads the page, adding the time of every stage (cleanup's, "scale", "ocr") to {@code clock}. */
    public PageReading read(TesseractEngine engine, PageImage page, StageClock clock) {
        PageCleanup cleanup = new PageCleanup((grey, dpi) ->
                engine.detectOrientation(grey, dpi, settings.orientationConfidence())
                .filter(o -> o.confidence() >= settings.orientationConfidence())
                .map(TesseractEngine.Orientation::degrees));
        PageCleanup.Guess guess = cleanup.cleanGuessing(page, clock);
        CleanPage clean = guess.page();
        OcrPage ocr = ocr(engine, clean, clock);
        if (clean.rotationGuessed() && !confirmsOrientation(ocr)) {
            // the guess was not read as upright text: the fallback detector decides, as without a guess
            CleanPage decided = guess.decided(clock);
            if (decided.rotation() != clean.rotation()) {
                clean = decided;
                ocr = ocr(engine, clean, clock);
            }
        }
        if (settings.toneCorrection()) {
            long t = clock.start();
            ocr = ToneCorrection.bundled().correct(ocr);
            clock.stop("tones", t);
        }
        return new PageReading(clean.number(), clean.dpi(), clean.rotation(), clean.skewDegrees(), clean.blank(), ocr);
    }

    private OcrPage ocr(TesseractEngine engine, CleanPage clean, StageClock clock) {
        int width = clean.forOcr().getWidth();
        int height = clean.forOcr().getHeight();
        if (clean.blank()) {
            return new OcrPage(clean.number(), width, height, clean.dpi(), List.of());
        }
        long t = clock.start();
        Downscale.Scaled read = Downscale.toAtMost(clean.forOcr(), clean.dpi(),
                OcrResolution.forPage(clean.dpi(), clean.xHeightInches()));
        clock.stop("scale", t);
        t = clock.start();
        OcrPage ocr = engine.recognize(clean.number(), read.grey(), read.dpi(), settings.ocrTimeLimit())
                .onPage(width, height, clean.dpi());
        clock.stop("ocr", t);
        return ocr;
    }

    /** Characters a page must have read for its confidence to confirm a guessed orientation. */
    static final int CONFIRMING_CHARACTERS = 100;

    /**
     * Mean confidence of the characters read (each word's confidence weighted by its length) from which a
     * guessed orientation counts as confirmed. Text read the right way up came out at 93-95 on the pages
     * tried (rendered, bilevel and noisy, real scans), turned 180 degrees at 36-42.
     */
    static final double CONFIRMING_CONFIDENCE = 70;

    /**
     * Whether what was read confirms the orientation the page was turned by: enough characters, read as
     * horizontal upright lines (Tesseract reads a sideways page too, as vertical writing, and says so), with a
     * high confidence.
     */
    static boolean confirmsOrientation(OcrPage ocr) {
        if (!ocr.readUpright()) {
            return false;
        }
        double weighted = 0;
        int characters = 0;
        for (OcrWord word : ocr.words()) {
            weighted += word.confidence() * word.text().length();
            characters += word.text().length();
        }
        return characters >= CONFIRMING_CHARACTERS && weighted / characters >= CONFIRMING_CONFIDENCE;
    }
}
