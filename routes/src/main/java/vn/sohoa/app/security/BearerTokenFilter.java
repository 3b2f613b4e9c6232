package vn.sohoa.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>}: the token's account, for this request only (no session). */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    public BearerTokenFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The token of an {@code Authorization: Bearer} header, if the request has one. */
    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(header.substring(7).strip()) : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = bearerToken(request);
        if (token.isPresent()) {
            Optional<SignedInUser> user = accounts.byToken(token.get()).filter(SignedInUser::isEnabled);
            if (user.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"sohoa\", error=\"invalid_token\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "invalid or revoked token");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                    user.get().getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
