package com.weavecrm.platform.organisation;

import static org.jooq.impl.DSL.trueCondition;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.organisation.internal.UserRepository;
import com.weavecrm.platform.tenancy.TenantChanged;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who a user id is, for display next to records (owner, assignee): name and unit only. Everyone in
 * a tenant may see this much of their colleagues; the full user record needs the {@code user} right.
 */
@Service
public class UserDirectory {

    /**
     * Summaries by tenant and user, forgotten when the user changes here; the lifetime bounds how long
     * another server of a cluster may show an old name.
     */
    private final Cache<TenantUser, Optional<UserSummary>> summaries = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    private final TenantTx tx;
    private final UserRepository users;

    private record TenantUser(UUID tenantId, UUID userId) {}

    public UserDirectory(TenantTx tx, UserRepository users) {
        this.tx = tx;
        this.users = users;
    }

    /** A colleague as shown next to a record. */
    public record UserSummary(UUID id, String username, String displayName, UUID orgUnitId, String status) {}

    public UserSummary summary(TenantContext ctx, UUID id) {
        return summaries
                .get(
                        new TenantUser(ctx.tenant().id(), id),
                        key -> tx.call(ctx, dsl -> users.find(dsl, ctx.tenant(), id, trueCondition()))
                                .map(u -> new UserSummary(
                                        u.id(), u.username(), u.displayName(), u.orgUnitId(), u.status())))
                .orElse(null);
    }

    /**
     * A user's account in the caller's transaction, without a permission check: for the product's own
     * work about a user (delivering them a notification by e-mail), never to show to another user.
     */
    public Optional<UserAccount> account(DSLContext dsl, TenantContext ctx, UUID id) {
        return users.find(dsl, ctx.tenant(), id, trueCondition());
    }

    /** Forgets the summaries a change concerns once it commits. */
    @TransactionalEventListener(fallbackExecution = true)
    void forget(TenantChanged change) {
        summaries.asMap().keySet().removeIf(key -> change.concerns(key.tenantId(), key.userId()));
    }
}
