package vn.sohoa.models.labelled;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.sohoa.models.render.RenderedPage;

/**
 * A document with what a reader should find in it: its type code, its fields (normalized as the pipeline
 * gives them), the text it prints (to train a type model on) and a way to render its pages (to OCR them).
 *
 * @param source "synthetic", "corpus" or "form", for reports
 */
public record LabelledDocument(String id, String source, String typeCode, Map<String, String> fields, String text,
                               Supplier<List<RenderedPage>> pages) {

    public LabelledDocument {
        fields = Map.copyOf(fields);
    }
}
