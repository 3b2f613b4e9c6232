package vn.sohoa.app.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in with a user name and password, for the form and HTTP Basic alike. A client IP over its failure
 * limit is refused first; then the password is always checked with BCrypt (against a dummy hash for an
 * unknown name or an account without a password), so that the time taken does not tell which names exist.
 * Wrong, unknown, disabled and locked all get the same answer, so the answer is no oracle either.
 */
@Component
public class PasswordAuthentication implements AuthenticationProvider {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final int attempts;
    private final Duration lockDuration;
    private final String dummyHash;

    public PasswordAuthentication(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle,
                                  @Value("${sohoa.security.lockout.attempts:5}") int attempts,
                                  @Value("${sohoa.security.lockout.duration:15m}") Duration lockDuration) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.attempts = attempts;
        this.lockDuration = lockDuration;
        this.dummyHash = passwords.encode("no account has this password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String clientIp = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        throttle.check(clientIp);
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Optional<SignedInUser> found = accounts.byUsername(username);
        String hash = found.map(SignedInUser::getPassword).filter(h -> !h.isEmpty()).orElse(null);
        boolean matches = passwords.matches(password, hash == null ? dummyHash : hash) && hash != null;
        if (found.isEmpty() || !found.get().isAccountNonLocked()) {
            throttle.failed(clientIp);
            throw refused();
        }
        SignedInUser user = found.get();
        if (!matches) {
            throttle.failed(clientIp);
            accounts.failedSignIn(username, attempts, lockDuration, clientIp);
            throw refused();
        }
        if (!user.isEnabled()) {
            throw refused();
        }
        accounts.succeededSignIn(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("wrong user name or password, or the account is locked or disabled");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
