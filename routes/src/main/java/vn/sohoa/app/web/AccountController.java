package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.records.NotFoundException;
import vn.sohoa.app.security.Accounts;
import vn.sohoa.app.security.CurrentUser;
import vn.sohoa.app.security.Role;
import vn.sohoa.app.security.SignedInUser;
import vn.sohoa.pipeline.Identifier;

/**
 * Who is signed in; accounts and API tokens, kept by an administrator within their agency scope. An
 * account outside the scope, or a system-wide one seen from an agency, is answered as not found. Tokens
 * are for machines: they are minted, listed and revoked only for accounts of role API or GIAM_SAT.
 */
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

    public record Me(String username, Role role, String agencyCode, boolean allAgencies) {
    }

    public record AccountBody(String username, String password, Role role, String agencyCode, Boolean allAgencies,
                              String displayName) {
    }

    public record AccountChangeBody(Boolean enabled, Role role, Boolean allAgencies, String displayName) {
    }

    public record TokenBody(String name) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in account: user name, role, agency, whether it sees all agencies")
    public Me me() {
        SignedInUser user = signedIn();
        return new Me(user.getUsername(), user.role(), user.agencyCode(), user.allAgencies());
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account (administrators only, within their agency; allAgencies only by a system-wide one)")
    public void create(@RequestBody AccountBody body, HttpServletRequest request) {
        boolean allAgencies = Boolean.TRUE.equals(body.allAgencies());
        Identifier.USERNAME.check(body.username());
        if (body.agencyCode() != null) {
            Identifier.AGENCY_CODE.check(body.agencyCode());
        }
        SignedInUser caller = signedIn();
        if (allAgencies && !caller.allAgencies()) {
            throw new AccessDeniedException("only a system-wide administrator grants allAgencies");
        }
        if (body.role() == Role.GIAM_SAT && !caller.allAgencies()) {
            // the metrics cover every agency, so an agency administrator may not hand them out
            throw new AccessDeniedException("only a system-wide administrator creates monitoring (GIAM_SAT) accounts");
        }
        AgencyScope scope = scopes.of(request);
        if (body.agencyCode() != null) {
            guard.requireAgency(body.agencyCode(), scope);
        }
        accounts.create(new Accounts.NewAccount(body.username(), body.password(), body.role(), body.agencyCode(),
                allAgencies, body.displayName()), CurrentUser.actor());
    }

    @PutMapping("/api/accounts/{username}")
    @Operation(summary = "Change an account: enabled, role, displayName; allAgencies only by a system-wide administrator")
    public void change(@PathVariable String username, @RequestBody AccountChangeBody body, HttpServletRequest request) {
        SignedInUser caller = signedIn();
        within(username, scopes.of(request));
        if (body.allAgencies() != null && !caller.allAgencies()) {
            throw new AccessDeniedException("only a system-wide administrator grants or takes allAgencies");
        }
        if (caller.getUsername().equals(username) && (Boolean.FALSE.equals(body.enabled())
                || (body.role() != null && body.role() != caller.role()) || Boolean.FALSE.equals(body.allAgencies()))) {
            throw new IllegalArgumentException("an administrator does not disable or demote their own account");
        }
        accounts.change(username, new Accounts.AccountChange(body.enabled(), body.role(), body.allAgencies(),
                body.displayName()), CurrentUser.actor());
    }

    @PostMapping("/api/accounts/{username}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new API token for an API account; shown once, only its SHA-256 is kept")
    public Map<String, String> token(@PathVariable String username, @RequestBody(required = false) TokenBody body,
                                     HttpServletRequest request) {
        apiAccountWithin(username, scopes.of(request));
        return Map.of("token", accounts.newToken(username, body == null ? null : body.name(), CurrentUser.actor()));
    }

    @GetMapping("/api/accounts/{username}/tokens")
    @Operation(summary = "The API account's tokens: id, name, created, last used, revoked; never the secret")
    public List<Accounts.TokenInfo> tokens(@PathVariable String username, HttpServletRequest request) {
        apiAccountWithin(username, scopes.of(request));
        return accounts.tokens(username);
    }

    @DeleteMapping("/api/accounts/{username}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the API account's tokens; it is refused from the next request on")
    public void revoke(@PathVariable String username, @PathVariable long id, HttpServletRequest request) {
        apiAccountWithin(username, scopes.of(request));
        accounts.revokeToken(username, id, CurrentUser.actor());
    }

    private static SignedInUser signedIn() {
        return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The account, when the scope holds it: in the scope's agencies, and system-wide only for a system-wide scope. */
    private SignedInUser within(String username, AgencyScope scope) {
        return accounts.byUsername(username)
                .filter(account -> scope.isAll() || (!account.allAgencies() && guard.agencyWithin(account.agencyCode(), scope)))
                .orElseThrow(() -> new NotFoundException("no account " + username));
    }

    private void apiAccountWithin(String username, AgencyScope scope) {
        if (!within(username, scope).role().isMachine()) {
            throw new AccessDeniedException("tokens are for machines: only an account of role API or GIAM_SAT has them;"
                    + " a person signs in with a password");
        }
    }
}
