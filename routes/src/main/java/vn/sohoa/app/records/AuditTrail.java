package vn.sohoa.app.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who did what when: an append-only trail, written in the transaction of the change it describes. */
@Repository
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditTrail(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String actor, String action, Long dossierId, UUID documentId, Map<String, ?> detail) {
        try {
            jdbc.update("""
                    insert into audit_event (actor, action, dossier_id, document_id, detail)
                    values (?, ?, ?, ?, ?::jsonb)""", actor, action, dossierId, documentId, json.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit detail: " + e.getMessage(), e);
        }
    }
}
