package com.weavecrm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The language of a request: the signed-in user's own choice (stored with the user) when there is
 * one; before sign-in the choice made on the login page (cookie {@value #COOKIE}); else the
 * browser's {@code Accept-Language}; else Simplified Chinese.
 */
@Component
public class RequestLocales {

    /** Request attribute under which authentication leaves the user's stored locale. */
    public static final String USER_LOCALE = "weave.userLocale";

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** Cookie remembering the language chosen before signing in. */
    public static final String COOKIE = "WEAVE_LANG";

    public Locale of(HttpServletRequest request) {
        Object stored = request.getAttribute(USER_LOCALE);
        if (stored instanceof Locale locale) {
            return locale;
        }
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return fromTag(cookie.getValue());
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    if (range.getRange().startsWith("zh")) {
                        return CHINESE;
                    }
                    if (range.getRange().startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                }
            } catch (IllegalArgumentException e) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    /** Our two supported languages by their tag ({@code zh-CN}, {@code en}); anything else is Chinese. */
    public static Locale fromTag(String tag) {
        return "en".equals(tag) ? Locale.ENGLISH : CHINESE;
    }

    public static String toTag(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
    }
}
