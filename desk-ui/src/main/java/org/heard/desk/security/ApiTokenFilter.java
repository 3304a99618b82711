package org.heard.desk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: an integration's API token. A known token logs the
 * request in as its client; an unknown one is refused with 401 at once (never tried as anything
 * else). Requests without a bearer token pass on to HTTP Basic. The token is never logged.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;
    private final Lockouts lockouts;
    private final SecurityContextHolderStrategy contexts;
    // Kept on the request, so the later dispatches of a streamed response (server-sent events) see the client too.
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    /** @param contexts the strategy the security chain reads (Vaadin installs its own), not a copy made earlier */
    ApiTokenFilter(ApiClients clients, Lockouts lockouts, SecurityContextHolderStrategy contexts) {
        this.clients = clients;
        this.lockouts = lockouts;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            lockouts.refuseIfLocked(null, request.getRemoteAddr(), "token");
        } catch (LoginLockedOut locked) {
            StatusOnlyResponses.lockedOut(response, locked);
            return;
        }
        var client = clients.byToken(header.substring(BEARER.length()).strip());
        if (client.isEmpty()) {
            log.info(
                    "Refused an API request with an unknown token to {} from {}",
                    request.getRequestURI(),
                    request.getRemoteAddr());
            lockouts.failed(null, request.getRemoteAddr());
            StatusOnlyResponses.invalidToken(response);
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                client.get(), null, client.get().getAuthorities()));
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
