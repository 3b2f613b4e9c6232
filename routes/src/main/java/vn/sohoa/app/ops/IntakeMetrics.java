package vn.sohoa.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import vn.sohoa.pipeline.DigitizedDocument;

/**
 * What the intake counts, for /actuator/prometheus: {@code sohoa_pages_digitized_total} (pages a minute is
 * {@code rate(...[5m]) * 60}), {@code sohoa_documents_recorded_total}, {@code sohoa_pages_read_total} (pages this
 * process cleaned up and OCRed, of any document), {@code sohoa_scans_rejected_total{reason}}
 * and {@code sohoa_ocr_confidence} (the mean word confidence of each document, 0 to 100).
 */
@Component
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final Counter pages;
    private final Counter documents;
    private final Counter pagesRead;
    private final DistributionSummary confidence;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pages = Counter.builder("sohoa.pages.digitized").description("Pages digitized and recorded")
                .register(registry);
        this.documents = Counter.builder("sohoa.documents.recorded").description("Documents digitized and recorded")
                .register(registry);
        this.pagesRead = Counter.builder("sohoa.pages.read")
                .description("Pages cleaned up and OCRed by this process (its share of a cluster's work)").register(registry);
        this.confidence = DistributionSummary.builder("sohoa.ocr.confidence")
                .description("Mean OCR word confidence of a recorded document (0-100)")
                .publishPercentiles(0.1, 0.5).register(registry);
    }

    public void recorded(DigitizedDocument document) {
        pages.increment(document.pageCount());
        documents.increment();
        confidence.record(document.document().meanConfidence());
    }

    public void pageRead() {
        pagesRead.increment();
    }

    public void rejected(String reason) {
        Counter.builder("sohoa.scans.rejected").description("Files quarantined, by reason").tag("reason", reason)
                .register(registry).increment();
    }
}
