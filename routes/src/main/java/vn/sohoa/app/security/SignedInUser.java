package vn.sohoa.app.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in account: its role and its agency (null for a system-wide administrator). */
public class SignedInUser extends User {

    private final Role role;
    private final String agencyCode;

    public SignedInUser(String username, String passwordHash, boolean enabled, Role role, String agencyCode) {
        super(username, passwordHash == null ? "" : passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.agencyCode = agencyCode;
    }

    public Role role() {
        return role;
    }

    /** The agency whose dossiers (and those of the agencies under it) this account sees; null: all. */
    public String agencyCode() {
        return agencyCode;
    }
}
