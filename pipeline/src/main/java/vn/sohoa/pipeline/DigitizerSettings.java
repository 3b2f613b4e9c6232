package vn.sohoa.pipeline;

import java.time.Duration;
import java.util.Optional;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.ocr.ToneCorrection;
import vn.sohoa.pipeline.pdf.PageImageEncoder;
import vn.sohoa.pipeline.pdf.sign.SigningSettings;

/**
 * Everything the pipeline is configured with, as plain values: OCR models, OCR threads, intake limits,
 * the JPEG quality of the archive copy, the OSD confidence needed to turn a page, the field confidence
 * below which a document goes to review, the time OCR may spend on one page before the scan is refused
 * with OCR_TIMEOUT, how the office signs its copies (empty: unsigned), and whether tone marks are chosen
 * again with the syllable model ({@link ToneCorrection}).
 */
public record DigitizerSettings(OcrSettings ocr, int ocrThreads, IntakeLimits limits, float jpegQuality,
                                float orientationConfidence, double reviewThreshold, Duration ocrTimeLimit,
                                Optional<SigningSettings> signing, boolean toneCorrection) {

    /** A dense 300 dpi A4 page reads in 3 to 10 s on a loaded core; a page 12 times slower is pathological. */
    public static final Duration DEFAULT_OCR_TIME_LIMIT = Duration.ofSeconds(120);

    public DigitizerSettings {
        if (ocrTimeLimit == null || ocrTimeLimit.isNegative() || ocrTimeLimit.isZero()) {
            throw new IllegalArgumentException("the OCR time limit must be positive, got " + ocrTimeLimit);
        }
        signing = signing == null ? Optional.empty() : signing;
        // the engines must offer their letters' alternatives for the correction to choose among
        ocr = toneCorrection ? ocr.withSymbolChoices(ToneCorrection.DECODINGS) : ocr;
    }

    /** The defaults; SOHOA_TONE_CORRECTION=0 leaves tone marks as Tesseract read them. */
    public static DigitizerSettings defaults() {
        return new DigitizerSettings(OcrSettings.defaults(), Runtime.getRuntime().availableProcessors(),
                IntakeLimits.DEFAULT, PageImageEncoder.DEFAULT_JPEG_QUALITY, 2.0f, 0.8,
                DEFAULT_OCR_TIME_LIMIT, Optional.empty(), toneCorrection(System.getenv("SOHOA_TONE_CORRECTION")));
    }

    static boolean toneCorrection(String switched) {
        return switched == null || switched.isBlank() || !switched.strip().equals("0");
    }

    public DigitizerSettings withOcr(OcrSettings newOcr) {
        return new DigitizerSettings(newOcr, ocrThreads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, signing, toneCorrection);
    }

    public DigitizerSettings withOcrThreads(int threads) {
        return new DigitizerSettings(ocr, threads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, signing, toneCorrection);
    }

    public DigitizerSettings withLimits(IntakeLimits newLimits) {
        return new DigitizerSettings(ocr, ocrThreads, newLimits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, signing, toneCorrection);
    }

    public DigitizerSettings withOcrTimeLimit(Duration limit) {
        return new DigitizerSettings(ocr, ocrThreads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                limit, signing, toneCorrection);
    }

    /** Every archive copy signed (PAdES) with these settings. */
    public DigitizerSettings withSigning(SigningSettings newSigning) {
        return new DigitizerSettings(ocr, ocrThreads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, Optional.of(newSigning), toneCorrection);
    }

    public DigitizerSettings withToneCorrection(boolean correct) {
        return new DigitizerSettings(correct ? ocr : ocr.withoutSymbolChoices(), ocrThreads, limits, jpegQuality,
                orientationConfidence, reviewThreshold, ocrTimeLimit, signing, correct);
    }
}
