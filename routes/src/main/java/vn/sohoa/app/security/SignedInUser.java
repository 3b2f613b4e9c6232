package vn.sohoa.app.security;

import java.util.List;
import java.util.Objects;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in account: its role, its agency, and whether it sees all agencies (a right of its own). */
public class SignedInUser extends User {

    private final Role role;
    private final String agencyCode;
    private final boolean allAgencies;

    public SignedInUser(String username, String passwordHash, boolean enabled, boolean locked, Role role,
                        String agencyCode, boolean allAgencies) {
        super(username, passwordHash == null ? "" : passwordHash, enabled, true, true, !locked,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.agencyCode = agencyCode;
        this.allAgencies = allAgencies;
    }

    public Role role() {
        return role;
    }

    /** The agency whose dossiers (and those of the agencies under it) this account sees; may be null when allAgencies. */
    public String agencyCode() {
        return agencyCode;
    }

    /** Sees every agency: granted only by a system-wide administrator. */
    public boolean allAgencies() {
        return allAgencies;
    }

    /** Whether the other is the same account with the same rights (role, agency, all agencies). */
    public boolean sameRights(SignedInUser other) {
        return getUsername().equals(other.getUsername()) && role == other.role
                && Objects.equals(agencyCode, other.agencyCode) && allAgencies == other.allAgencies;
    }
}
