package vn.sohoa.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import vn.sohoa.app.records.AgencyScope;

/**
 * The agencies a request may see. With no sign-in yet (issue 8) every request sees all of them; this is
 * the one place that will narrow it to the officer's agency.
 */
@Component
public class AgencyScopes {

    public AgencyScope of(HttpServletRequest request) {
        return AgencyScope.all();
    }
}
