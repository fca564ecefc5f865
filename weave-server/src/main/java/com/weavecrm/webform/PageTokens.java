package com.weavecrm.webform;

import com.weavecrm.platform.security.SecretBox;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The token a public form page carries instead of a session's CSRF token: the moment the page was
 * rendered, sealed (AES-GCM, the product's secret key) and bound to the form's key. A submission is
 * taken only with a token of this form that is at most {@link #LIFETIME} old, so posts must come from a
 * page the server rendered recently — not from a script that never loaded it, nor for another form.
 */
@Component
public class PageTokens {

    static final Duration LIFETIME = Duration.ofHours(2);
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final int MAX_LENGTH = 200;

    private final SecretBox secrets;
    private final Clock clock;

    PageTokens(SecretBox secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public String issue(String formKey) {
        return secrets.seal(Long.toString(clock.millis()), context(formKey));
    }

    public boolean valid(String formKey, String token) {
        if (formKey == null || token == null || token.isBlank() || token.length() > MAX_LENGTH) {
            return false;
        }
        try {
            long age = clock.millis() - Long.parseLong(secrets.open(token, context(formKey)));
            return age >= -SKEW.toMillis() && age <= LIFETIME.toMillis();
        } catch (RuntimeException e) {
            return false; // not sealed by us, for another form, or tampered with
        }
    }

    private static String context(String formKey) {
        return "web-form-page:" + formKey;
    }
}
