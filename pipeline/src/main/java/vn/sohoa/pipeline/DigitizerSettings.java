package vn.sohoa.pipeline;

import java.util.Optional;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.ocr.OcrSettings;
import vn.sohoa.pipeline.pdf.sign.SigningSettings;

/**
 * Everything the pipeline is configured with, as plain values: OCR models, OCR threads, intake limits,
 * the JPEG quality of the archive copy, the OSD confidence needed to turn a page, the field confidence
 * below which a document goes to review, and how the office signs its copies (empty: unsigned).
 */
public record DigitizerSettings(OcrSettings ocr, int ocrThreads, IntakeLimits limits, float jpegQuality,
                                float orientationConfidence, double reviewThreshold,
                                Optional<SigningSettings> signing) {

    public static DigitizerSettings defaults() {
        return new DigitizerSettings(OcrSettings.defaults(), Runtime.getRuntime().availableProcessors(),
                IntakeLimits.DEFAULT, vn.sohoa.pipeline.pdf.PageImageEncoder.DEFAULT_JPEG_QUALITY, 2.0f, 0.8,
                Optional.empty());
    }

    public DigitizerSettings withOcrThreads(int threads) {
        return new DigitizerSettings(ocr, threads, limits, jpegQuality, orientationConfidence, reviewThreshold, signing);
    }

    public DigitizerSettings withLimits(IntakeLimits newLimits) {
        return new DigitizerSettings(ocr, ocrThreads, newLimits, jpegQuality, orientationConfidence, reviewThreshold,
                signing);
    }

    /** Every archive copy signed (PAdES) with these settings. */
    public DigitizerSettings withSigning(SigningSettings newSigning) {
        return new DigitizerSettings(ocr, ocrThreads, limits, jpegQuality, orientationConfidence, reviewThreshold,
                Optional.of(newSigning));
    }
}
