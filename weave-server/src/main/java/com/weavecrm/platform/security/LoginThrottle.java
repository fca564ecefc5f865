package com.weavecrm.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.web.TooManyRequestsException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per client address (password spraying across many accounts). Per-account
 * lockout lives in the database and holds across servers; this per-address counter is per server,
 * which is enough to slow a sprayer down by orders of magnitude.
 */
@Component
public class LoginThrottle {

    private final SecurityProperties properties;
    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(SecurityProperties properties) {
        this.properties = properties;
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.addressWindow())
                .build();
    }

    /** Throws 429 when the address has used up its failures for the window. */
    public void check(String address) {
        AtomicInteger count = failures.getIfPresent(key(address));
        if (count != null && count.get() >= properties.maxFailuresPerAddress()) {
            throw new TooManyRequestsException("problem.too_many_attempts", properties.addressWindow());
        }
    }

    public void recordFailure(String address) {
        failures.get(key(address), k -> new AtomicInteger()).incrementAndGet();
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
