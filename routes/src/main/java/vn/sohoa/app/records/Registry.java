package vn.sohoa.app.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the one-stop system knows and SoHoa is told: agencies (province, district, commune), procedures
 * with their components, and a dossier's agency, procedure, dates and status. Every call is an upsert by
 * code, so the same facts can be sent again.
 */
@Repository
public class Registry {

    public enum Level { province, district, commune }

    public record Agency(String code, String name, Level level, String parentCode) {
    }

    public record Component(String code, String name, boolean required) {
    }

    public record Procedure(String code, String name, Level level, List<Component> components) {
    }

    public record DossierFacts(String code, String agencyCode, String procedureCode, LocalDate receivedOn,
                               LocalDate dueOn, String status) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    public Registry(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public long agency(Agency agency) {
        Long parent = agency.parentCode() == null ? null : idOf("agency", agency.parentCode());
        return jdbc.queryForObject("""
                insert into agency (code, name, level, parent_id) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level, parent_id = excluded.parent_id
                returning id""", Long.class, agency.code(), agency.name(), agency.level().name(), parent);
    }

    @Transactional
    public long procedure(Procedure procedure) {
        long id = jdbc.queryForObject("""
                insert into procedure (code, name, level) values (?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level
                returning id""", Long.class, procedure.code(), procedure.name(),
                procedure.level() == null ? null : procedure.level().name());
        jdbc.update("delete from procedure_component where procedure_id = ?", id);
        for (Component component : procedure.components()) {
            jdbc.update("insert into procedure_component (procedure_id, code, name, required) values (?, ?, ?, ?)",
                    id, component.code(), component.name(), component.required());
        }
        return id;
    }

    /** Creates or completes a dossier; unknown facts (null) leave what is recorded. */
    @Transactional
    public long dossier(DossierFacts facts, String actor) {
        Long agency = facts.agencyCode() == null ? null : idOf("agency", facts.agencyCode());
        Long procedure = facts.procedureCode() == null ? null : idOf("procedure", facts.procedureCode());
        long id = jdbc.queryForObject("""
                insert into dossier (code, agency_id, procedure_id, received_on, due_on, status)
                values (?, ?, ?, ?, ?, coalesce(?, 'received'))
                on conflict (code) do update set
                    agency_id = coalesce(excluded.agency_id, dossier.agency_id),
                    procedure_id = coalesce(excluded.procedure_id, dossier.procedure_id),
                    received_on = coalesce(excluded.received_on, dossier.received_on),
                    due_on = coalesce(excluded.due_on, dossier.due_on),
                    status = coalesce(?, dossier.status),
                    updated_at = now()
                returning id""", Long.class, facts.code(), agency, procedure, facts.receivedOn(), facts.dueOn(),
                facts.status(), facts.status());
        audit.record(actor, "dossier.registered", id, null, Map.of("agency", String.valueOf(facts.agencyCode()),
                "procedure", String.valueOf(facts.procedureCode())));
        return id;
    }

    /** Says which procedure component a document provides, or that it is the dossier's result. */
    @Transactional
    public void classifyDocument(java.util.UUID documentId, DocumentRole role, String componentCode, String actor) {
        Long dossier = jdbc.query("select dossier_id from document where id = ?", (rs, i) -> rs.getLong(1), documentId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no document " + documentId));
        jdbc.update("update document set role = ?, component_code = ? where id = ?", role.code(), componentCode, documentId);
        audit.record(actor, "document.classified", dossier, documentId,
                Map.of("role", role.code(), "component", String.valueOf(componentCode)));
    }

    private long idOf(String table, String code) {
        return jdbc.query("select id from " + table + " where code = ?", (rs, i) -> rs.getLong(1), code).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("no " + table + " with code " + code));
    }
}
