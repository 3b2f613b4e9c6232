package vn.sohoa.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.records.Registry;
import vn.sohoa.pipeline.Identifier;

/** What the one-stop system tells SoHoa: agencies, procedures and their components, dossiers' facts. */
@RestController
@Tag(name = "Danh mục", description = "Agencies, procedures (TTHC), dossier facts from the one-stop system")
public class RegistryController {

    private final Registry registry;
    private final AgencyScopes scopes;
    private final ScopeGuard guard;

    public RegistryController(Registry registry, AgencyScopes scopes, ScopeGuard guard) {
        this.registry = registry;
        this.scopes = scopes;
        this.guard = guard;
    }

    public record AgencyBody(String name, Registry.Level level, String parentCode) {
    }

    public record ProcedureBody(String name, Registry.Level level, List<Registry.Component> components) {
    }

    public record DossierBody(String agencyCode, String procedureCode, LocalDate receivedOn, LocalDate dueOn,
                              String status) {
    }

    public record DocumentBody(DocumentRole role, String componentCode) {
    }

    @PutMapping("/api/agencies/{code}")
    @Operation(summary = "Create or update an agency (province, district or commune, under its parent)")
    public void agency(@PathVariable String code, @RequestBody AgencyBody body, HttpServletRequest request) {
        Identifier.AGENCY_CODE.check(code);
        AgencyScope scope = scopes.of(request);
        if (!scope.isAll()) {
            // an agency administrator keeps the agencies strictly below their own: never their own, never one above
            if (code.equals(scope.agencyCode())) {
                throw new AccessDeniedException("an agency is kept by the administrator of the agency above it");
            }
            if (guard.agencyExists(code)) {
                guard.requireAgency(code, scope);
            }
            if (body.parentCode() == null) {
                throw new AccessDeniedException("only a system-wide administrator adds or moves provinces");
            }
            guard.requireAgency(body.parentCode(), scope);
        }
        registry.agency(new Registry.Agency(code, body.name(), body.level(), body.parentCode()));
    }

    @PutMapping("/api/procedures/{code}")
    @Operation(summary = "Create or update a procedure (mã TTHC) and its components")
    public void procedure(@PathVariable String code, @RequestBody ProcedureBody body, HttpServletRequest request) {
        if (!scopes.of(request).isAll()) {
            throw new AccessDeniedException("procedures are kept by a system-wide administrator");
        }
        registry.procedure(new Registry.Procedure(code, body.name(), body.level(),
                body.components() == null ? List.of() : body.components()));
    }

    @PutMapping("/api/dossiers/{code}")
    @Operation(summary = "Create a dossier or complete its facts (agency, procedure, dates, status)")
    public void dossier(@PathVariable String code, @RequestBody DossierBody body, HttpServletRequest request) {
        registry.dossier(new Registry.DossierFacts(code, body.agencyCode(), body.procedureCode(), body.receivedOn(),
                body.dueOn(), body.status()), scopes.of(request), CurrentUser.actor());
    }

    @PutMapping("/api/documents/{id}/role")
    @Operation(summary = "Say which component a document provides, or that it is the dossier's result")
    public void documentRole(@PathVariable UUID id, @RequestBody DocumentBody body, HttpServletRequest request) {
        guard.requireDocument(id, scopes.of(request));
        registry.classifyDocument(id, body.role() == null ? DocumentRole.SUBMITTED : body.role(), body.componentCode(),
                CurrentUser.actor());
    }
}
