package org.heard.desk.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 for machine clients (the API, the actuator), set directly rather than through
 * {@code sendError}: an error dispatch would be handled by the desk's filter chain, which answers
 * an anonymous request with a redirect to the login page instead of the status.
 */
final class StatusOnlyResponses {

    private StatusOnlyResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Heard\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    }
}
