package vn.sohoa.app.records;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads dossiers, their documents and files, within an agency scope. */
@Repository
public class DossierQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DossierQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored file and where it is on disk. */
    public record StoredFile(UUID id, String name, String mediaType, Path path, String sha256, long size) {
    }

    public Optional<DossierDetails> dossier(String code, AgencyScope scope) {
        List<Object> args = new ArrayList<>(List.of(code));
        if (!scope.isAll()) {
            args.add(scope.agencyCode());
        }
        List<Object[]> rows = jdbc.query("""
                select s.id, s.code, a.code, a.name, p.code, p.name, s.received_on, s.due_on, s.status, s.created_at
                from dossier s left join agency a on a.id = s.agency_id left join procedure p on p.id = s.procedure_id
                where s.code = ? and\s""" + scope.condition("s.agency_id"),
                (rs, i) -> new Object[] {rs.getLong(1), new DossierDetails(rs.getString(2),
                        rs.getString(3) == null ? null : new DossierDetails.Named(rs.getString(3), rs.getString(4)),
                        rs.getString(5) == null ? null : new DossierDetails.Named(rs.getString(5), rs.getString(6)),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class), List.of())}, args.toArray());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long dossierId = (Long) rows.get(0)[0];
        DossierDetails dossier = (DossierDetails) rows.get(0)[1];
        return Optional.of(new DossierDetails(dossier.code(), dossier.agency(), dossier.procedure(), dossier.receivedOn(),
                dossier.dueOn(), dossier.status(), dossier.createdAt(), documents(dossierId)));
    }

    private List<DossierDetails.DocumentDetails> documents(long dossierId) {
        return jdbc.query("""
                select id, role, component_code, type, type_confidence, review_state, page_count, fields::text, created_at,
                    delivered_by
                from document where dossier_id = ? order by created_at, id""",
                (rs, i) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new DossierDetails.DocumentDetails(id, rs.getString(2), rs.getString(3), rs.getString(10),
                            rs.getString(4),
                            rs.getDouble(5), rs.getString(6), rs.getInt(7), readMap(rs.getString(8)),
                            rs.getObject(9, OffsetDateTime.class), files(id));
                }, dossierId);
    }

    private List<DossierDetails.FileDetails> files(UUID documentId) {
        return jdbc.query("""
                select id, kind, name, media_type, sha256, size from stored_file where document_id = ? order by kind""",
                (rs, i) -> new DossierDetails.FileDetails(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6)), documentId);
    }

    public Optional<StoredFile> file(UUID id, AgencyScope scope) {
        List<Object> args = new ArrayList<>(List.of(id));
        if (!scope.isAll()) {
            args.add(scope.agencyCode());
        }
        return jdbc.query("""
                select f.id, f.name, f.media_type, f.path, f.sha256, f.size
                from stored_file f join document d on d.id = f.document_id join dossier s on s.id = d.dossier_id
                where f.id = ? and\s""" + scope.condition("s.agency_id"),
                (rs, i) -> new StoredFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Path.of(rs.getString(4)), rs.getString(5), rs.getLong(6)), args.toArray()).stream().findFirst();
    }

    private Map<String, Object> readMap(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable fields JSON: " + e.getMessage(), e);
        }
    }
}
