package com.weavecrm.platform.idempotency;

import com.weavecrm.platform.idempotency.internal.IdempotencyRepository;
import com.weavecrm.platform.idempotency.internal.IdempotencyRepository.Entry;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.BodySizeLimitFilter;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.ProblemWriter;
import com.weavecrm.platform.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes an API {@code POST} with an {@code Idempotency-Key} header safe to repeat. The key is scoped
 * to the caller's user and tenant. The first request claims it; a repeat replays the first response
 * and creates nothing new; a repeat while the first still runs is a 409; the same key with another
 * body is a 422. Server errors release the key, so the client may retry. Runs after authentication.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    /** A claim older than this is from a crashed request and may be taken over. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    private final TenantTx tx;
    private final IdempotencyRepository repository;
    private final ProblemWriter problems;
    private final Clock clock;

    public IdempotencyFilter(TenantTx tx, IdempotencyRepository repository, ProblemWriter problems, Clock clock) {
        this.tx = tx;
        this.repository = repository;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AuthenticatedUser> user = caller();
        String key = request.getHeader(HEADER).strip();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, ApiException.badRequest(HEADER, "invalid_format"));
            return;
        }
        BufferedRequest buffered;
        try {
            buffered = new BufferedRequest(request);
        } catch (BodySizeLimitFilter.BodyTooLargeException e) {
            problems.write(request, response, BodySizeLimitFilter.tooLarge());
            return;
        }
        String hash = hash(request.getRequestURI(), buffered.body());
        TenantContext ctx = new TenantContext(
                user.get().tenant(),
                user.get().userId(),
                user.get().securityVersion(),
                user.get().metadataVersion(),
                RequestIdFilter.of(request),
                request.getRemoteAddr(),
                user.get().locale());
        Optional<Entry> earlier = claim(ctx, key, hash);
        if (earlier.isPresent()) {
            replay(request, response, earlier.get(), hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(buffered, recorded);
            completed = recorded.getStatus() < 500;
        } finally {
            finish(ctx, key, recorded, completed);
            recorded.copyBodyToResponse();
        }
    }

    /** Claims the key, or returns what an earlier request with it left. */
    private Optional<Entry> claim(TenantContext ctx, String key, String hash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.callSeparately(ctx, dsl -> {
            if (repository.claim(dsl, ctx.tenant(), ctx.userId(), key, hash, now)) {
                return Optional.empty();
            }
            Optional<Entry> entry = repository.find(dsl, ctx.tenant(), ctx.userId(), key);
            if (entry.isPresent()
                    && entry.get().running()
                    && entry.get().createdAt().plus(ABANDONED).isBefore(now)) {
                repository.release(dsl, ctx.tenant(), ctx.userId(), key);
                repository.claim(dsl, ctx.tenant(), ctx.userId(), key, hash, now);
                return Optional.empty();
            }
            return entry;
        });
    }

    private void finish(TenantContext ctx, String key, ContentCachingResponseWrapper recorded, boolean completed) {
        tx.callSeparately(ctx, dsl -> {
            if (completed) {
                String body = new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8);
                repository.complete(
                        dsl, ctx.tenant(), ctx.userId(), key, recorded.getStatus(), body, recorded.getContentType());
            } else {
                repository.release(dsl, ctx.tenant(), ctx.userId(), key);
            }
            return null;
        });
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, Entry entry, String hash)
            throws IOException {
        if (entry.running()) {
            problems.write(
                    request,
                    response,
                    ApiException.conflict(
                            "problem.idempotency_in_progress", List.of(FieldError.of(HEADER, "in_progress"))));
            return;
        }
        if (!entry.requestHash().equals(hash)) {
            problems.write(
                    request,
                    response,
                    new ApiException(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "problem.idempotency_mismatch",
                            List.of(FieldError.of(HEADER, "reused"))));
            return;
        }
        response.setStatus(entry.status());
        if (entry.contentType() != null) {
            response.setContentType(entry.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream()
                .write(entry.body() == null ? new byte[0] : entry.body().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<AuthenticatedUser> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    private static String hash(String uri, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(uri.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
