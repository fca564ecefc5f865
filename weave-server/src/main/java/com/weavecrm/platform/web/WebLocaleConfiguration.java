package com.weavecrm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Pages and messages use the same language rule as problem responses ({@link RequestLocales}). */
@Configuration(proxyBeanMethods = false)
class WebLocaleConfiguration {

    @Bean
    LocaleResolver localeResolver(RequestLocales locales) {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return locales.of(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("the language is chosen per user, see ProfileService");
            }
        };
    }
}
