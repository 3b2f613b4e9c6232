package vn.sohoa.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.records.AuditTrail;
import vn.sohoa.app.records.NotFoundException;

/**
 * The documents waiting for a reviewer, and what the reviewer does to one: correct fields, confirm, or
 * reclassify. Every correction goes to the audit trail and to field_correction (evaluation data).
 */
@Repository
public class ReviewQueue {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public ReviewQueue(JdbcTemplate jdbc, ObjectMapper json, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    public record Item(UUID documentId, String dossierCode, String type, double typeConfidence, String reviewState,
                       int pageCount, String recordedAt) {
    }

    public record Decision(String type, Map<String, String> fields) {
    }

    public List<Item> waiting(AgencyScope scope, int limit) {
        List<Object> args = new ArrayList<>();
        if (!scope.isAll()) {
            args.add(scope.agencyCode());
        }
        args.add(Math.max(1, Math.min(limit, 200)));
        return jdbc.query("""
                select d.id, s.code, d.type, d.type_confidence, d.review_state, d.page_count, d.created_at
                from document d join dossier s on s.id = d.dossier_id
                where d.review_state = 'needs_review' and\s""" + scope.condition("s.agency_id") + """
                 order by d.created_at, d.id limit ?""",
                (rs, i) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getString(5), rs.getInt(6), String.valueOf(rs.getObject(7))), args.toArray());
    }

    /** The document's archival PDF, when the document is within the scope. */
    public Optional<Path> pdf(UUID documentId, AgencyScope scope) {
        List<Object> args = new ArrayList<>(List.of(documentId));
        if (!scope.isAll()) {
            args.add(scope.agencyCode());
        }
        return jdbc.query("""
                select f.path from stored_file f join document d on d.id = f.document_id join dossier s on s.id = d.dossier_id
                where f.document_id = ? and f.kind = 'pdf' and\s""" + scope.condition("s.agency_id"),
                (rs, i) -> Path.of(rs.getString(1)), args.toArray()).stream().findFirst();
    }

    /**
     * Applies a reviewer's decision: changed field values and type are written (state {@code corrected}),
     * or, when nothing changed, the document is confirmed ({@code reviewed}).
     */
    @Transactional
    public String decide(UUID documentId, Decision decision, String actor) {
        Map<String, Object> row = jdbc.queryForList("select dossier_id, type, fields::text as fields from document where id = ? for update",
                documentId).stream().findFirst().orElseThrow(() -> new NotFoundException("no document " + documentId));
        long dossierId = ((Number) row.get("dossier_id")).longValue();
        String oldType = (String) row.get("type");
        ObjectNode fields;
        try {
            fields = (ObjectNode) json.readTree((String) row.get("fields"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        boolean changed = false;
        String newType = decision.type() == null || decision.type().isBlank() ? oldType : decision.type().strip();
        if (!newType.equals(oldType)) {
            changed = true;
            correction(actor, documentId, "(type)", oldType, newType, oldType, newType);
        }
        if (decision.fields() != null) {
            for (Map.Entry<String, String> entry : decision.fields().entrySet()) {
                String name = entry.getKey();
                String value = entry.getValue() == null ? "" : entry.getValue().strip();
                String old = fields.path(name).path("value").asText(null);
                if (value.equals(old == null ? "" : old)) {
                    continue;
                }
                changed = true;
                ObjectNode field = fields.putObject(name);
                field.put("value", value);
                field.put("confidence", 1.0);
                field.put("correctedBy", actor);
                correction(actor, documentId, name, old, value, oldType, newType);
            }
        }
        String state = changed ? "corrected" : "reviewed";
        jdbc.update("update document set type = ?, fields = ?::jsonb, review_state = ?, needs_review = false where id = ?",
                newType, fields.toString(), state, documentId);
        audit.record(actor, changed ? "document.corrected" : "document.confirmed", dossierId, documentId,
                Map.of("type", newType, "fields", decision.fields() == null ? Map.of() : decision.fields()));
        return state;
    }

    private void correction(String actor, UUID documentId, String field, String oldValue, String newValue,
                            String oldType, String newType) {
        jdbc.update("""
                insert into field_correction (actor, document_id, field, old_value, new_value, old_type, new_type)
                values (?, ?, ?, ?, ?, ?, ?)""", actor, documentId, field, oldValue, newValue, oldType, newType);
    }
}
