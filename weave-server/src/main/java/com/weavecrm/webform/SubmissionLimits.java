package com.weavecrm.webform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code weave.web-forms.submissions-per-minute} submissions (default 10) per client address and
 * form in any sliding minute; the next one is refused with 429 and {@code Retry-After}. Counted per
 * server, like the sign-in throttle: a spammer behind one address is slowed down by orders of
 * magnitude, and nothing of value is lost when a server restarts.
 */
@Component
class SubmissionLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int perMinute;
    private final Cache<String, Deque<Long>> recent = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .build();

    SubmissionLimits(Clock clock, @Value("${weave.web-forms.submissions-per-minute:10}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts one submission, or throws 429 when the address has used up the minute. */
    void take(String address, UUID formId) {
        long now = clock.millis();
        Deque<Long> times = recent.get((address == null ? "unknown" : address) + "|" + formId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                long waitMillis = times.peekFirst() + WINDOW.toMillis() - now;
                throw new TooManyRequestsException(
                        "problem.too_many_submissions", Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000)));
            }
            times.addLast(now);
        }
    }
}
