package vn.sohoa.app.publish;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.sohoa.app.records.Delivery;
import vn.sohoa.pipeline.DigitizedDocument;

/**
 * The results message a dossier system receives for each digitized document, version 1
 * (docs/results-message.md): who, what, where the PDF is and its SHA-256, the fields read.
 */
public final class ResultMessage {

    public static final String SCHEMA = "sohoa.result.v1";
    public static final String ROUTING_KEY = "document.digitized";

    private ResultMessage() {
    }

    public static Map<String, Object> of(UUID messageId, UUID documentId, String dossierCode, Delivery delivery,
                                         DigitizedDocument result, String originalPath,
                                         OffsetDateTime digitizedAt) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("schema", SCHEMA);
        message.put("messageId", messageId.toString());
        message.put("dossierCode", dossierCode);
        message.put("documentId", documentId.toString());
        message.put("role", delivery.role().code());
        message.put("componentCode", delivery.componentCode());
        message.put("deliveredBy", delivery.deliveredBy());
        message.put("type", result.document().type().code());
        message.put("typeConfidence", Math.round(result.document().type().confidence() * 1000) / 1000.0);
        message.put("pageCount", result.pageCount());
        message.put("pdf", Map.of("path", result.pdf().toAbsolutePath().toString(), "sha256", result.pdfSha256(),
                "size", result.pdfSize()));
        message.put("original", Map.of("name", result.scan().name(), "path", originalPath,
                "sha256", result.scan().sha256(), "size", result.scan().size()));
        message.put("fields", DocumentJson.fields(result));
        message.put("needsReview", result.document().needsReview());
        message.put("digitizedAt", digitizedAt.toString());
        return message;
    }
}
