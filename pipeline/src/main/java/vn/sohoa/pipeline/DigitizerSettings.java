package vn.sohoa.pipeline;

import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.ocr.OcrSettings;

/**
 * Everything the pipeline is configured with, as plain values: OCR models, OCR threads, intake limits,
 * the JPEG quality of the archive copy, the OSD confidence needed to turn a page, and the field confidence
 * below which a document goes to review.
 */
public record DigitizerSettings(OcrSettings ocr, int ocrThreads, IntakeLimits limits, float jpegQuality,
                                float orientationConfidence, double reviewThreshold) {

    public static DigitizerSettings defaults() {
        return new DigitizerSettings(OcrSettings.defaults(), Runtime.getRuntime().availableProcessors(),
                IntakeLimits.DEFAULT, vn.sohoa.pipeline.pdf.PageImageEncoder.DEFAULT_JPEG_QUALITY, 2.0f, 0.8);
    }

    public DigitizerSettings withOcrThreads(int threads) {
        return new DigitizerSettings(ocr, threads, limits, jpegQuality, orientationConfidence, reviewThreshold);
    }

    public DigitizerSettings withLimits(IntakeLimits newLimits) {
        return new DigitizerSettings(ocr, ocrThreads, newLimits, jpegQuality, orientationConfidence, reviewThreshold);
    }
}
