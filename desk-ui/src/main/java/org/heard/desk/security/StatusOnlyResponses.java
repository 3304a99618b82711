package org.heard.desk.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
            if (exception instanceof LoginLockedOut locked) {
                lockedOut(response, locked);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Heard\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** The API's 401: it takes an integration's token as well as a member of staff's password. */
    static AuthenticationEntryPoint unauthorizedApi() {
        return (request, response, exception) -> {
            if (exception instanceof LoginLockedOut locked) {
                lockedOut(response, locked);
                return;
            }
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

    /** 429 with when to come back, and why in words. */
    static void lockedOut(HttpServletResponse response, LoginLockedOut locked) throws IOException {
        long seconds =
                Math.max(1, Duration.between(Instant.now(), locked.until()).toSeconds());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(locked.getMessage());
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    }
}
