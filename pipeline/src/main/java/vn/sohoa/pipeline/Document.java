package vn.sohoa.pipeline;

import java.util.List;
import java.util.Map;
import vn.sohoa.pipeline.classify.DocumentType;
import vn.sohoa.pipeline.extract.Field;
import vn.sohoa.pipeline.ocr.OcrPage;

/** A recognized document: its type, its fields, its pages' text, and whether a person must review it. */
public record Document(DocumentType type, Map<String, Field> fields, List<OcrPage> pages, boolean needsReview) {

    public Document {
        fields = Map.copyOf(fields);
        pages = List.copyOf(pages);
    }

    public String text() {
        return String.join("\n\f", pages.stream().map(OcrPage::text).toList());
    }

    public float meanConfidence() {
        return (float) pages.stream().flatMap(p -> p.words().stream())
                .mapToDouble(vn.sohoa.pipeline.ocr.OcrWord::confidence).average().orElse(0);
    }
}
