package com.weavecrm.webform;

import com.weavecrm.platform.security.SecurityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security chain of what the public reaches without signing in: the form pages ({@code /f/**})
 * and the intake API called with {@code X-Form-Key} and without {@code Authorization}. Nobody is
 * authenticated here — no session cookie, no bearer token is read — so nothing else of the product is
 * reachable through it: any other path, or the intake with a token, goes to the product's own chains.
 * The key itself is checked by {@link PublicForms}. Instead of the session's CSRF token the form pages
 * carry a signed page token ({@link PageTokens}); the rest of the product keeps its CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class PublicFormSecurity {

    static final String FORM_KEY_HEADER = "X-Form-Key";
    static final String INTAKE = "/api/v1/leads/intake";

    @Bean
    @Order(0)
    SecurityFilterChain publicFormChain(HttpSecurity http) throws Exception {
        http.securityMatcher(publicForms())
                .csrf(AbstractHttpConfigurer::disable) // the page token instead, see PageTokens
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(SecurityHeaders::apply);
        return http.build();
    }

    static RequestMatcher publicForms() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher formKeyIntake =
                new AndRequestMatcher(paths.matcher(HttpMethod.POST, INTAKE), PublicFormSecurity::formKeyWithoutToken);
        return new OrRequestMatcher(paths.matcher("/f/**"), formKeyIntake);
    }

    private static boolean formKeyWithoutToken(HttpServletRequest request) {
        return request.getHeader(FORM_KEY_HEADER) != null && request.getHeader("Authorization") == null;
    }
}
