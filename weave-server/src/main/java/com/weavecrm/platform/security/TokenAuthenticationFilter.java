package com.weavecrm.platform.security;

import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.ProblemWriter;
import com.weavecrm.platform.web.RequestIdFilter;
import com.weavecrm.platform.web.RequestLocales;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes the caller from {@code Authorization: Bearer} on API paths and from the session cookie
 * on pages. A bearer header that is malformed or names no valid token is answered with 401 at once;
 * a stale session cookie is dropped and the page asks to sign in again.
 */
public class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final SessionCookie sessionCookie;
    private final ProblemWriter problems;
    private final boolean api;

    public TokenAuthenticationFilter(
            TokenService tokens, SessionCookie sessionCookie, ProblemWriter problems, boolean api) {
        this.tokens = tokens;
        this.sessionCookie = sessionCookie;
        this.problems = problems;
        this.api = api;
    }

    /** Error pages (404, 500) are rendered for the signed-in user too, with their navigation. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AuthenticatedUser> user = api ? fromBearer(request, response) : fromCookie(request, response);
        if (user == null) {
            return; // answered already
        }
        user.ifPresent(u -> {
            SecurityContextHolder.getContext().setAuthentication(new UserAuthentication(u));
            request.setAttribute(RequestLocales.USER_LOCALE, u.locale());
            MDC.put("tenant", u.tenant().slug());
            MDC.put("userId", u.userId().toString());
        });
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("tenant");
            MDC.remove("userId");
        }
    }

    private Optional<AuthenticatedUser> fromBearer(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        Optional<AuthenticatedUser> user = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? tokens.authenticate(header.substring(BEARER.length()).trim(), RequestIdFilter.of(request))
                : Optional.empty();
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, ApiException.unauthorized());
            return null;
        }
        return user;
    }

    private Optional<AuthenticatedUser> fromCookie(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> token = sessionCookie.read(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<AuthenticatedUser> user = tokens.authenticate(token.get(), RequestIdFilter.of(request))
                .filter(u -> u.tokenKind() == TokenKind.SESSION);
        if (user.isEmpty()) {
            sessionCookie.clear(response);
        }
        return user;
    }

    /** A Spring Security authentication carrying our principal. */
    public static final class UserAuthentication extends AbstractAuthenticationToken {
        private final AuthenticatedUser user;

        UserAuthentication(AuthenticatedUser user) {
            super(user.roles().stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                    .toList());
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public AuthenticatedUser getPrincipal() {
            return user;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof UserAuthentication u && u.user.equals(user);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }
    }
}
