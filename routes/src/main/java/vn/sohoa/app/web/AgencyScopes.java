package vn.sohoa.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.security.CurrentUser;
import vn.sohoa.app.security.SignedInUser;

/**
 * The agencies a request may see: the signed-in account's agency and those under it; all of them for a
 * system-wide administrator (an account with no agency). A request with no account sees nothing (the
 * security filter chain refuses it before; this is the second lock).
 */
@Component
public class AgencyScopes {

    public AgencyScope of(HttpServletRequest request) {
        return CurrentUser.get().map(AgencyScopes::of).orElse(AgencyScope.none());
    }

    static AgencyScope of(SignedInUser user) {
        return user.agencyCode() == null ? AgencyScope.all() : AgencyScope.under(user.agencyCode());
    }
}
