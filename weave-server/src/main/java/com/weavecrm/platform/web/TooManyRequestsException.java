package com.weavecrm.platform.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Rate limited or locked out; {@code retryAfter} becomes the {@code Retry-After} header. */
public class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(String messageKey, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, messageKey);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
