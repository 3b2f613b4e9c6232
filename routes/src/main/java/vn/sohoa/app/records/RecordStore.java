package vn.sohoa.app.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.publish.DocumentJson;
import vn.sohoa.app.publish.ResultMessage;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Dossier records in PostgreSQL. A digitized document, its pages, its files, an audit event and the results
 * message announcing it are committed in one transaction (the transactional outbox), so a document is never
 * recorded without being announced, nor announced without being recorded.
 */
@Repository
public class RecordStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String exchange;
    private final AuditTrail audit;

    public RecordStore(JdbcTemplate jdbc, ObjectMapper json, SohoaProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.exchange = properties.results().exchange();
        this.audit = audit;
    }

    /** The document already recorded for these bytes in this dossier, if any. */
    public Optional<UUID> findDocument(String dossierCode, String originalSha256) {
        return jdbc.query("""
                select d.id from document d join dossier s on s.id = d.dossier_id
                where s.code = ? and d.original_sha256 = ?""",
                (rs, i) -> rs.getObject(1, UUID.class), dossierCode, originalSha256).stream().findFirst();
    }

    /** Records a component the citizen submitted, as the inbox does. */
    @Transactional
    public UUID record(String dossierCode, DigitizedDocument result, String originalPath) {
        return record(dossierCode, result, originalPath, Delivery.bySource("inbox"));
    }

    /** Records a document as {@code actor} said it is (a test's or a tool's shorthand for a {@link Delivery}). */
    @Transactional
    public UUID record(String dossierCode, DigitizedDocument result, String originalPath, DocumentRole role,
                       String componentCode, String actor) {
        return record(dossierCode, result, originalPath, new Delivery(role, componentCode, actor));
    }

    /**
     * Records a digitized document of a dossier as its deliverer said it is, creating the dossier from its code
     * when it is new (with no agency or procedure until the one-stop system tells them).
     */
    @Transactional
    public UUID record(String dossierCode, DigitizedDocument result, String originalPath, Delivery delivery) {
        DocumentRole role = delivery.role();
        long dossierId = jdbc.queryForObject("""
                insert into dossier (code) values (?)
                on conflict (code) do update set code = excluded.code
                returning id""", Long.class, dossierCode);
        UUID documentId = UUID.randomUUID();
        String pdfPath = result.pdf().toAbsolutePath().toString();
        jdbc.update("""
                insert into document (id, dossier_id, type, type_confidence, fields, needs_review, page_count,
                    mean_confidence, original_name, original_sha256, original_size, original_path,
                    pdf_path, pdf_sha256, pdf_size, role, component_code, review_state, delivered_by)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                documentId, dossierId, result.document().type().code(), result.document().type().confidence(),
                write(DocumentJson.fields(result)), result.document().needsReview(), result.pageCount(),
                result.document().meanConfidence(), result.scan().name(), result.scan().sha256(), result.scan().size(),
                originalPath, pdfPath, result.pdfSha256(), result.pdfSize(),
                role.code(), delivery.componentCode(), result.document().needsReview() ? "needs_review" : "auto",
                delivery.deliveredBy());
        insertFile(documentId, FileKind.ORIGINAL, result.scan().name(), originalPath, result.scan().sha256(),
                result.scan().size());
        insertFile(documentId, FileKind.PDF, FileKind.pdfName(result.scan().name()), pdfPath, result.pdfSha256(),
                result.pdfSize());
        for (int i = 0; i < result.pageCount(); i++) {
            OcrPage page = result.document().pages().get(i);
            DigitizedDocument.PageNote note = result.pageNotes().get(i);
            jdbc.update("""
                    insert into page (document_id, number, text, mean_confidence, rotation, skew_degrees, blank, dpi)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    documentId, page.number(), page.text().replace("\u0000", ""), page.meanConfidence(),
                    note.rotation(), note.skewDegrees(), note.blank(), note.dpi());
        }
        UUID messageId = UUID.randomUUID();
        Map<String, Object> message = ResultMessage.of(messageId, documentId, dossierCode, delivery, result,
                originalPath, OffsetDateTime.now());
        jdbc.update("insert into outbox (id, exchange, routing_key, payload) values (?, ?, ?, ?::jsonb)",
                messageId, exchange, ResultMessage.ROUTING_KEY, write(message));
        audit.record(delivery.deliveredBy(), "document.recorded", dossierId, documentId, Map.of(
                "type", result.document().type().code(), "role", role.code(), "pages", result.pageCount(),
                "originalSha256", result.scan().sha256(), "messageId", messageId.toString()));
        return documentId;
    }

    private void insertFile(UUID documentId, FileKind kind, String name, String path, String sha256, long size) {
        jdbc.update("""
                insert into stored_file (id, document_id, kind, name, media_type, path, sha256, size)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), documentId, kind.code(), name, kind.mediaType(name), path, sha256, size);
    }

    /** Records a quarantined scan and why, so that every accepted file ends processed or explained. */
    public void recordRejection(String dossierCode, String originalName, String sha256, String quarantinePath,
                                String reason, String message) {
        jdbc.update("""
                insert into rejected_scan (dossier_code, original_name, original_sha256, quarantine_path, reason, message)
                values (?, ?, ?, ?, ?, ?)""", dossierCode, originalName, sha256, quarantinePath, reason, message);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
