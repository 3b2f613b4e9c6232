package vn.sohoa.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.security.CurrentUser;
import vn.sohoa.app.security.SignedInUser;
import vn.sohoa.pipeline.Identifier;

/**
 * The agencies a request may see: the signed-in account's agency and those under it; all of them only for
 * an account with the explicit allAgencies right. A request with no account, or an account whose agency is
 * missing or not a valid code, sees nothing (the security filter chain refuses it before; this is the second lock).
 */
@Component
public class AgencyScopes {

    public AgencyScope of(HttpServletRequest request) {
        return CurrentUser.get().map(AgencyScopes::of).orElse(AgencyScope.none());
    }

    static AgencyScope of(SignedInUser user) {
        if (user.allAgencies()) {
            return AgencyScope.all();
        }
        return Identifier.AGENCY_CODE.isValid(user.agencyCode()) ? AgencyScope.under(user.agencyCode()) : AgencyScope.none();
    }
}
