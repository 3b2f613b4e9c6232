package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import vn.sohoa.app.records.AgencyScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.sohoa.app.records.AuditTrail;
import vn.sohoa.app.security.CurrentUser;

/** Backlog import runs for archivists (LUU_TRU, QUAN_TRI): list them with their progress, start one. */
@RestController
@Tag(name = "Nhập lô", description = "Backlog import runs")
public class ImportController {

    private final ImportRuns runs;
    private final AuditTrail audit;
    private final AgencyScopes scopes;
    private final ScopeGuard guard;

    public ImportController(ImportRuns runs, AuditTrail audit, AgencyScopes scopes, ScopeGuard guard) {
        this.runs = runs;
        this.audit = audit;
        this.scopes = scopes;
        this.guard = guard;
    }

    public record StartBody(String input) {
    }

    @GetMapping("/api/imports")
    @Operation(summary = "Import runs, newest first, with documents planned, done and failed from their journals")
    public List<ImportRuns.Run> list(HttpServletRequest request) throws IOException {
        AgencyScope scope = scopes.of(request);
        return runs.list(agency -> scope.isAll() || guard.agencyWithin(agency, scope));
    }

    @PostMapping("/api/imports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start `sohoa import` on a file or folder under SOHOA_HOME/backlog")
    public ImportRuns.Run start(@RequestBody StartBody body, HttpServletRequest request) throws IOException {
        AgencyScope scope = scopes.of(request);
        if (scope.isNone()) {
            throw new AccessDeniedException("an account without a valid agency imports nothing");
        }
        ImportRuns.Run run = runs.start(body.input(), CurrentUser.actor(), scope.isAll() ? null : scope.agencyCode());
        audit.record(CurrentUser.actor(), "import.started", null, null, java.util.Map.of("run", run.id(),
                "input", run.input()));
        return run;
    }
}
