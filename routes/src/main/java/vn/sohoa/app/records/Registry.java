package vn.sohoa.app.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.sohoa.pipeline.Identifier;

/**
 * What the one-stop system knows and SoHoa is told: agencies (province, district, commune), procedures
 * with their components, and a dossier's agency, procedure, dates and status. Every call is an upsert by
 * code, so the same facts can be sent again. The agency tree keeps its levels (a district under a province,
 * a commune under a district), which also makes a parent cycle impossible.
 */
@Repository
public class Registry {

    public enum Level {
        province, district, commune;

        /** The level an agency of this level must have as its parent; none for a province. */
        Level parent() {
            return this == province ? null : values()[ordinal() - 1];
        }
    }

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
        Identifier.AGENCY_CODE.check(agency.code());
        if (agency.name() == null || agency.name().isBlank()) {
            throw new IllegalArgumentException("an agency needs a name");
        }
        if (agency.level() == null) {
            throw new IllegalArgumentException("an agency needs a level: province, district or commune");
        }
        // one change of the tree at a time, so that two moves at once cannot make a cycle between them
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('sohoa.agency-tree'))");
        Long parent = parentOf(agency);
        Long existing = jdbc.query("select id from agency where code = ?", (rs, i) -> rs.getLong(1), agency.code())
                .stream().findFirst().orElse(null);
        if (existing != null) {
            if (parent != null && Boolean.TRUE.equals(jdbc.queryForObject("select ? in (" + AgencyScope.SUBTREE + ")",
                    Boolean.class, parent, agency.code()))) {
                throw new IllegalArgumentException("agency " + agency.parentCode() + " is " + agency.code()
                        + " or below it, so it cannot be its parent");
            }
            List<String> misplaced = jdbc.queryForList("select code from agency where parent_id = ? and level <> ?"
                    + " order by code", String.class, existing, childLevel(agency.level()));
            if (!misplaced.isEmpty()) {
                throw new IllegalArgumentException(agency.code() + " cannot become a " + agency.level()
                        + ": it has agencies below it that would no longer fit (" + String.join(", ", misplaced) + ")");
            }
        }
        return jdbc.queryForObject("""
                insert into agency (code, name, level, parent_id) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level, parent_id = excluded.parent_id
                returning id""", Long.class, agency.code(), agency.name(), agency.level().name(), parent);
    }

    /** The parent's id, when the parent given is of the one level the agency's level needs. */
    private Long parentOf(Agency agency) {
        Level needed = agency.level().parent();
        if (needed == null) {
            if (agency.parentCode() != null) {
                throw new IllegalArgumentException("a province has no parent agency");
            }
            return null;
        }
        if (agency.parentCode() == null) {
            throw new IllegalArgumentException("a " + agency.level() + " needs the code of its " + needed + " as parentCode");
        }
        Identifier.AGENCY_CODE.check(agency.parentCode());
        if (agency.parentCode().equals(agency.code())) {
            throw new IllegalArgumentException("an agency cannot be its own parent");
        }
        record Parent(long id, String level) {
        }
        Parent parent = jdbc.query("select id, level from agency where code = ?",
                        (rs, i) -> new Parent(rs.getLong(1), rs.getString(2)), agency.parentCode())
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no agency with code " + agency.parentCode()));
        if (!parent.level().equals(needed.name())) {
            throw new IllegalArgumentException("the parent of a " + agency.level() + " must be a " + needed + "; "
                    + agency.parentCode() + " is a " + parent.level());
        }
        return parent.id();
    }

    private static String childLevel(Level level) {
        return level == Level.commune ? "" : Level.values()[level.ordinal() + 1].name();
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

    /** Creates or completes a dossier with every agency in reach (the system's own callers). */
    public long dossier(DossierFacts facts, String actor) {
        return dossier(facts, AgencyScope.all(), actor);
    }

    /**
     * Creates or completes a dossier within the scope; unknown facts (null) leave what is recorded. A new
     * dossier without an agency given belongs to the scope's agency. The row is created if missing and then
     * locked before the scope is checked, so two agencies creating the same code at once cannot both have
     * it: the one that comes second finds the other's dossier and is told it does not exist.
     */
    @Transactional
    public long dossier(DossierFacts facts, AgencyScope scope, String actor) {
        String notFound = "no dossier with code " + facts.code();
        if (scope.isNone()) {
            throw new NotFoundException(notFound);
        }
        Long agency = facts.agencyCode() == null ? null : idOf("agency", facts.agencyCode());
        if (agency != null && !agencyWithin(agency, scope)) {
            throw new NotFoundException("no agency with code " + facts.agencyCode());
        }
        Long procedure = facts.procedureCode() == null ? null : idOf("procedure", facts.procedureCode());
        Long newAgency = agency != null || scope.isAll() ? agency : idOf("agency", scope.agencyCode());
        if (!Identifier.DOSSIER_CODE.isValid(facts.code()) && !exists(facts.code())) {
            Identifier.DOSSIER_CODE.check(facts.code()); // a dossier recorded before the syntax keeps its code
        }
        jdbc.update("insert into dossier (code, agency_id) values (?, ?) on conflict (code) do nothing",
                facts.code(), newAgency);
        record Row(long id, Long agencyId) {
        }
        Row row = jdbc.queryForObject("select id, agency_id from dossier where code = ? for update",
                (rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2)), facts.code());
        if (!scope.isAll() && (row.agencyId() == null || !agencyWithin(row.agencyId(), scope))) {
            throw new NotFoundException(notFound);
        }
        jdbc.update("""
                update dossier set
                    agency_id = coalesce(?, agency_id),
                    procedure_id = coalesce(?, procedure_id),
                    received_on = coalesce(?, received_on),
                    due_on = coalesce(?, due_on),
                    status = coalesce(?, status),
                    updated_at = now()
                where id = ?""", agency, procedure, facts.receivedOn(), facts.dueOn(), facts.status(), row.id());
        audit.record(actor, "dossier.registered", row.id(), null, Map.of("agency", String.valueOf(facts.agencyCode()),
                "procedure", String.valueOf(facts.procedureCode())));
        return row.id();
    }

    private boolean exists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from dossier where code = ?)",
                Boolean.class, code));
    }

    private boolean agencyWithin(long agencyId, AgencyScope scope) {
        return scope.isAll() || Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from agency where id = ? and "
                + scope.condition("id") + ")", Boolean.class, agencyId, scope.agencyCode()));
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
