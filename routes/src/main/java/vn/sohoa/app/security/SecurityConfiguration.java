package vn.sohoa.app.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what. The browser signs in with a form (session cookie, CSRF token in the XSRF-TOKEN cookie
 * sent back as the X-XSRF-TOKEN header); API clients send {@code Authorization: Bearer <token>} or HTTP
 * Basic over the same accounts, and need no CSRF token. The pages themselves are static and public; every
 * datum is behind /api, and each query is limited to the account's agency scope (web/AgencyScopes). The
 * monitoring role GIAM_SAT reads metrics and health details and nothing under /api.
 */
@Configuration
public class SecurityConfiguration {

    private static final String[] READERS = {"TIEP_NHAN", "KIEM_TRA", "LUU_TRU", "QUAN_TRI", "API"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        // passwords are checked by PasswordAuthentication, the one AuthenticationProvider bean
        SignInRefusal refusal = new SignInRefusal();
        http
                .authorizeHttpRequests(requests -> requests
                        // the second dispatch of an event stream or an error page: the first was authorized
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/index.html", "/app/**", "/favicon.ico", "/error").permitAll()
                        // probes stay open for the orchestrator; anonymous callers get only the status (application.properties)
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/info", "/actuator/prometheus").hasAnyRole("QUAN_TRI", "GIAM_SAT")
                        .requestMatchers("/actuator/**").hasRole("QUAN_TRI")
                        .requestMatchers("/api/accounts/**", "/api/agencies/**", "/api/procedures/**").hasRole("QUAN_TRI")
                        .requestMatchers(HttpMethod.POST, "/api/dossiers/*/files").hasAnyRole("TIEP_NHAN", "LUU_TRU", "QUAN_TRI", "API")
                        .requestMatchers(HttpMethod.PUT, "/api/dossiers/*").hasAnyRole("TIEP_NHAN", "LUU_TRU", "QUAN_TRI", "API")
                        .requestMatchers(HttpMethod.PUT, "/api/documents/*/role").hasAnyRole("TIEP_NHAN", "KIEM_TRA", "QUAN_TRI", "API")
                        .requestMatchers("/api/review/**").hasAnyRole("KIEM_TRA", "QUAN_TRI")
                        .requestMatchers("/api/imports/**").hasAnyRole("LUU_TRU", "QUAN_TRI")
                        .requestMatchers("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").hasAnyRole(READERS)
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage("/")
                        .loginProcessingUrl("/login")
                        .successHandler((request, response, authentication) -> json(response, 200,
                                "{\"username\":\"" + authentication.getName().replace("\"", "") + "\"}"))
                        .failureHandler(refusal)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler((request, response, authentication) -> response.setStatus(204)))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusal))
                // no Basic challenge: a browser would pop up its own dialog over the sign-in form
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(org.springframework.http.HttpStatus.UNAUTHORIZED)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        // API clients authenticate every request with a header a browser does not add by itself
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterBefore(new BearerTokenFilter(accounts), BasicAuthenticationFilter.class)
                .addFilterAfter(new AccountRefreshFilter(accounts), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }

    /** Loads the deferred CSRF token on every request, so that the XSRF-TOKEN cookie is always set. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
