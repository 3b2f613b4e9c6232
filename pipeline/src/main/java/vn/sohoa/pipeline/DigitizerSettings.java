package vn.sohoa.pipeline;

import java.time.Duration;
import java.util.Optional;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.pdf.sign.SigningSettings;

/**
 * Everything the pipeline is configured with, as plain values: OCR models, OCR threads, intake limits,
 * the JPEG quality of the archive copy, the OSD confidence needed to turn a page, the field confidence
 * below which a document goes to review, the time OCR may spend on one page before the scan is refused
 * with OCR_TIMEOUT, and how the office signs its copies (empty: unsigned).
 */
public record DigitizerSettings(OcrSettings ocr, int ocrThreads, IntakeLimits limits, float jpegQuality,
                                float orientationConfidence, double reviewThreshold, Duration ocrTimeLimit,
                                Optional<SigningSettings> signing) {

    /** A dense 300 dpi A4 page reads in 3 to 10 s on a loaded core; a page 12 times slower is pathological. */
    public static final Duration DEFAULT_OCR_TIME_LIMIT = Duration.ofSeconds(120);

    public DigitizerSettings {
        if (ocrTimeLimit == null || ocrTimeLimit.isNegative() || ocrTimeLimit.isZero()) {
            throw new IllegalArgumentException("the OCR time limit must be positive, got " + ocrTimeLimit);
        }
        signing = signing == null ? Optional.empty() : signing;
    }

    public static DigitizerSettings defaults() {
        return new DigitizerSettings(OcrSettings.defaults(), Runtime.getRuntime().availableProcessors(),
                IntakeLimits.DEFAULT, vn.sohoa.pipeline.pdf.PageImageEncoder.DEFAULT_JPEG_QUALITY, 2.0f, 0.8,
                DEFAULT_OCR_TIME_LIMIT, Optional.empty());
    }

    public DigitizerSettings withOcr(OcrSettings newOcr) {
        return new DigitizerSettings(newOcr, ocrThreads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, signing);
    }

    public DigitizerSettings withOcrThreads(int threads) {
        return new DigitizerSettings(ocr, threads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, signing);
    }

    public DigitizerSettings withLimits(IntakeLimits newLimits) {
        return new DigitizerSettings(ocr, ocrThreads, newLimits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, signing);
    }

    public DigitizerSettings withOcrTimeLimit(Duration limit) {
        return new DigitizerSettings(ocr, ocrThreads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                limit, signing);
    }

    /** Every archive copy signed (PAdES) with these settings. */
    public DigitizerSettings withSigning(SigningSettings newSigning) {
        return new DigitizerSettings(ocr, ocrThreads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                ocrTimeLimit, Optional.of(newSigning));
    }
}
