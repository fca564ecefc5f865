package com.weavecrm.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.weavecrm.platform.web.TooManyRequestsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties(null, null, null, null, 3, Duration.ofMinutes(10), null, null, null));

    @Test
    void anAddressIsStoppedAfterItsFailuresOthersAreNot() {
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> throttle.check("10.0.0.1")).doesNotThrowAnyException();
            throttle.recordFailure("10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.check("10.0.0.1")).isInstanceOf(TooManyRequestsException.class);
        assertThatCode(() -> throttle.check("10.0.0.2")).doesNotThrowAnyException();
    }
}
