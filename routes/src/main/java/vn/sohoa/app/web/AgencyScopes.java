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

    /** A code no agency can have (it breaks the agency code syntax): the scope of nobody. */
    private static final AgencyScope NONE = new AgencyScope("\u0000none");

    public AgencyScope of(HttpServletRequest request) {
        return CurrentUser.get().map(AgencyScopes::of).orElse(NONE);
    }

    static AgencyScope of(SignedInUser user) {
        if (user.allAgencies()) {
            return AgencyScope.all();
        }
        return Identifier.AGENCY_CODE.isValid(user.agencyCode()) ? AgencyScope.under(user.agencyCode()) : NONE;
    }
}
