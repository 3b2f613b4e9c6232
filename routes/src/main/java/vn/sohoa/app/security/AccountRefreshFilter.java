package vn.sohoa.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Loads the signed-in account again at every request, so that a session of an account since disabled,
 * locked, or given another role or agency ends at its next request (401, session invalidated) instead of
 * living on with the rights it had at sign-in. Token requests were loaded just now by {@link BearerTokenFilter}.
 */
public class AccountRefreshFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    public AccountRefreshFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean byToken = BearerTokenFilter.bearerToken(request).isPresent();
        Optional<SignedInUser> signedIn = CurrentUser.get();
        if (signedIn.isPresent() && !byToken) {
            Optional<SignedInUser> now = accounts.byUsername(signedIn.get().getUsername());
            if (now.isEmpty() || !now.get().isEnabled() || !now.get().isAccountNonLocked()
                    || !now.get().sameRights(signedIn.get())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SignInRefusal.json(response, 401, "{\"detail\":\"Phiên đăng nhập đã hết hiệu lực: tài khoản đã bị"
                        + " khóa, vô hiệu hóa hoặc đổi quyền; hãy đăng nhập lại\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
