package vn.sohoa.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.records.NotFoundException;

/**
 * Checks, before a change, that what it touches is within the account's scope. Something outside it is
 * answered as not found, so that its existence does not leak either.
 */
@Component
public class ScopeGuard {

    private final JdbcTemplate jdbc;

    public ScopeGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the agency is the scope's or under it. */
    public boolean agencyWithin(String agencyCode, AgencyScope scope) {
        if (scope.isAll()) {
            return true;
        }
        if (agencyCode == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from agency where code = ? and "
                + scope.condition("id") + ")", Boolean.class, agencyCode, scope.agencyCode()));
    }

    public void requireAgency(String agencyCode, AgencyScope scope) {
        if (!agencyWithin(agencyCode, scope)) {
            throw new NotFoundException("no agency with code " + agencyCode);
        }
    }

    public boolean agencyExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from agency where code = ?)",
                Boolean.class, code));
    }

    /** Whether a dossier of that code exists at all (in any agency). */
    public boolean dossierExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from dossier where code = ?)",
                Boolean.class, code));
    }

    /** A dossier that exists must be within the scope; one that does not may be created. */
    public void requireDossierWritable(String code, AgencyScope scope) {
        if (dossierExists(code) && !dossierWithin(code, scope)) {
            throw new NotFoundException("no dossier with code " + code);
        }
    }

    public boolean dossierWithin(String code, AgencyScope scope) {
        List<Object> args = new ArrayList<>(List.of(code));
        if (!scope.isAll()) {
            args.add(scope.agencyCode());
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from dossier s where s.code = ? and "
                + scope.condition("s.agency_id") + ")", Boolean.class, args.toArray()));
    }

    /** The document's dossier code, when the document is within the scope. */
    public Optional<String> documentDossier(UUID documentId, AgencyScope scope) {
        List<Object> args = new ArrayList<>(List.of(documentId));
        if (!scope.isAll()) {
            args.add(scope.agencyCode());
        }
        return jdbc.query("select s.code from document d join dossier s on s.id = d.dossier_id where d.id = ? and "
                + scope.condition("s.agency_id"), (rs, i) -> rs.getString(1), args.toArray()).stream().findFirst();
    }

    public String requireDocument(UUID documentId, AgencyScope scope) {
        return documentDossier(documentId, scope).orElseThrow(() -> new NotFoundException("no document " + documentId));
    }
}
