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

    /** The API's 401: it takes an integration's token as well as a member of staff's password. */
    static AuthenticationEntryPoint unauthorizedApi() {
        return (request, response, exception) -> {
            response.addHeader("WWW-Authenticate", "Bearer realm=\"Heard\"");
            response.addHeader("WWW-Authenticate", "Basic realm=\"Heard\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** A bearer token that is no client's (RFC 6750). */
    static void invalidToken(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Heard\", error=\"invalid_token\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    }
}
