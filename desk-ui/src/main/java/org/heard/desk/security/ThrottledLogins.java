package org.heard.desk.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Username and password, from the login form or HTTP Basic, checked against the staff directory
 * unless the username or the address is locked by {@link LoginThrottle}. A locked login is refused
 * before the password is looked at, so guessing goes no further during a lock.
 */
final class ThrottledLogins implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final Lockouts lockouts;

    ThrottledLogins(DaoAuthenticationProvider passwords, Lockouts lockouts) {
        this.passwords = passwords;
        this.lockouts = lockouts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        lockouts.refuseIfLocked(username, address, via());
        try {
            var authenticated = passwords.authenticate(attempt);
            lockouts.succeeded(username);
            return authenticated;
        } catch (BadCredentialsException e) {
            lockouts.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String via() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader("Authorization") != null ? "basic" : "form";
        }
        return "unknown";
    }
}
