package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.security.Accounts;
import vn.sohoa.app.security.CurrentUser;
import vn.sohoa.app.security.Role;
import vn.sohoa.app.security.SignedInUser;

/** Who is signed in; accounts and API tokens, created by an administrator within their agency scope. */
@RestController
@Tag(name = "Tài khoản", description = "Accounts, roles and API tokens")
public class AccountController {

    private final Accounts accounts;
    private final AgencyScopes scopes;
    private final ScopeGuard guard;

    public AccountController(Accounts accounts, AgencyScopes scopes, ScopeGuard guard) {
        this.accounts = accounts;
        this.scopes = scopes;
        this.guard = guard;
    }

    public record Me(String username, Role role, String agencyCode) {
    }

    public record AccountBody(String username, String password, Role role, String agencyCode, String displayName) {
    }

    public record TokenBody(String name) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in account: user name, role, agency")
    public Me me() {
        SignedInUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
        return new Me(user.getUsername(), user.role(), user.agencyCode());
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account (administrators only, within their agency)")
    public void create(@RequestBody AccountBody body, HttpServletRequest request) {
        AgencyScope scope = scopes.of(request);
        if (body.role() == null) {
            throw new IllegalArgumentException("a role is needed: TIEP_NHAN, KIEM_TRA, LUU_TRU, QUAN_TRI, API or GIAM_SAT");
        }
        if (body.role() == Role.GIAM_SAT && !scope.isAll()) {
            // the metrics cover every agency, so an agency administrator may not hand them out
            throw new AccessDeniedException("only a system-wide administrator creates monitoring (GIAM_SAT) accounts");
        }
        if (!scope.isAll()) {
            if (body.agencyCode() == null) {
                throw new AccessDeniedException("only a system-wide administrator creates accounts without an agency");
            }
            guard.requireAgency(body.agencyCode(), scope);
        }
        accounts.create(new Accounts.NewAccount(body.username(), body.password(), body.role(), body.agencyCode(),
                body.displayName()), CurrentUser.actor());
    }

    @PostMapping("/api/accounts/{username}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new API token for an account; shown once, only its SHA-256 is kept")
    public Map<String, String> token(@PathVariable String username, @RequestBody(required = false) TokenBody body,
                                     HttpServletRequest request) {
        SignedInUser account = accounts.byUsername(username)
                .orElseThrow(() -> new vn.sohoa.app.records.NotFoundException("no account " + username));
        AgencyScope scope = scopes.of(request);
        if (!scope.isAll()) {
            guard.requireAgency(account.agencyCode(), scope);
        }
        return Map.of("token", accounts.newToken(username, body == null ? null : body.name(), CurrentUser.actor()));
    }
}
