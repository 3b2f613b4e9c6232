package vn.sohoa.app.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.extract.Field;

/**
 * The JSON shape of a digitized document shared by {@code sohoa ocr --json} and the results messages:
 * input, output, status, error, pages, type, fields {name: {value, confidence}}.
 */
public final class DocumentJson {

    private DocumentJson() {
    }

    public static Map<String, Object> ok(String input, DigitizedDocument result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", input);
        json.put("output", result.pdf().toString());
        json.put("status", "ok");
        json.put("error", null);
        json.put("pages", result.pageCount());
        json.put("type", result.document().type().code());
        json.put("fields", fields(result));
        json.put("typeConfidence", round(result.document().type().confidence()));
        json.put("needsReview", result.document().needsReview());
        json.put("sha256", result.scan().sha256());
        json.put("pdfSha256", result.pdfSha256());
        return json;
    }

    public static Map<String, Object> failed(String input, String error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", input);
        json.put("output", null);
        json.put("status", "failed");
        json.put("error", error);
        json.put("pages", 0);
        json.put("type", null);
        json.put("fields", Map.of());
        return json;
    }

    public static Map<String, Object> fields(DigitizedDocument result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Field field : result.document().fields().values()) {
            fields.put(field.name(), Map.of("value", field.value(), "confidence", round(field.confidence())));
        }
        return fields;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
