package vn.sohoa.pipeline;

import java.util.List;
import vn.sohoa.pipeline.cleanup.CleanPage;
import vn.sohoa.pipeline.cleanup.Downscale;
import vn.sohoa.pipeline.cleanup.PageCleanup;
import vn.sohoa.pipeline.cleanup.StageClock;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrResolution;
import vn.sohoa.pipeline.ocr.TesseractEngine;

/**
 * The path of one page through cleanup and OCR on one engine: cleaned (orientation from the text lines, or
 * the engine's OSD when they are not clear), read at the resolution {@link OcrResolution} chooses, the words
 * given in the cleaned page's pixels.
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
        CleanPage clean = cleanup.clean(page, clock);
        int width = clean.forOcr().getWidth();
        int height = clean.forOcr().getHeight();
        OcrPage ocr;
        if (clean.blank()) {
            ocr = new OcrPage(clean.number(), width, height, clean.dpi(), List.of());
        } else {
            long t = clock.start();
            Downscale.Scaled read = Downscale.toAtMost(clean.forOcr(), clean.dpi(),
                    OcrResolution.forPage(clean.dpi(), clean.xHeightInches()));
            clock.stop("scale", t);
            t = clock.start();
            ocr = engine.recognize(clean.number(), read.grey(), read.dpi(), settings.ocrTimeLimit())
                    .onPage(width, height, clean.dpi());
            clock.stop("ocr", t);
        }
        return new PageReading(clean.number(), clean.dpi(), clean.rotation(), clean.skewDegrees(), clean.blank(), ocr);
    }
}
