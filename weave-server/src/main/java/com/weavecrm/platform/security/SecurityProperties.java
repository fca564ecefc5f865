package com.weavecrm.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of authentication (prefix {@code weave.security}).
 *
 * @param argon2MemoryKib Argon2id memory cost in KiB (OWASP: 19 MiB with 2 iterations)
 * @param argon2Iterations Argon2id time cost
 * @param maxFailures failed sign-ins in a row after which an account is locked
 * @param lockout how long a locked account answers 429
 * @param maxFailuresPerAddress failed sign-ins from one address within {@code addressWindow}
 * @param addressWindow the window of the per-address limit
 * @param loginTokenLifetime lifetime of a token from {@code POST /api/v1/auth/login}
 * @param sessionLifetime idle lifetime of a UI session
 * @param secureCookies whether the session cookie is marked Secure (true behind HTTPS)
 */
@ConfigurationProperties(prefix = "weave.security")
public record SecurityProperties(
        Integer argon2MemoryKib,
        Integer argon2Iterations,
        Integer maxFailures,
        Duration lockout,
        Integer maxFailuresPerAddress,
        Duration addressWindow,
        Duration loginTokenLifetime,
        Duration sessionLifetime,
        Boolean secureCookies) {

    public SecurityProperties {
        argon2MemoryKib = argon2MemoryKib == null ? 19 * 1024 : argon2MemoryKib;
        argon2Iterations = argon2Iterations == null ? 2 : argon2Iterations;
        maxFailures = maxFailures == null ? 10 : maxFailures;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        maxFailuresPerAddress = maxFailuresPerAddress == null ? 50 : maxFailuresPerAddress;
        addressWindow = addressWindow == null ? Duration.ofMinutes(10) : addressWindow;
        loginTokenLifetime = loginTokenLifetime == null ? Duration.ofHours(12) : loginTokenLifetime;
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(12) : sessionLifetime;
        secureCookies = secureCookies != null && secureCookies;
    }
}
