package org.heard.desk.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of logins ({@code heard.security.login}): the login form, HTTP Basic on the API and
 * the actuator, and API tokens.
 *
 * @param maxFailures failed logins for one username, within {@code lockout}, before it is locked for {@code lockout}
 * @param maxFailuresPerAddress failed logins (or unknown API tokens) from one address before it is locked
 * @param lockout how long a lock lasts, and the window failures are counted in
 */
@ConfigurationProperties("heard.security.login")
public record LoginSettings(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration lockout) {

    public LoginSettings {
        if (maxFailures < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException(
                    "heard.security.login: max-failures and max-failures-per-address must be at least 1");
        }
        if (lockout == null || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("heard.security.login.lockout must be positive, e.g. 15m");
        }
    }
}
