package com.weavecrm.platform.access;

import static org.jooq.impl.DSL.val;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.access.internal.PolicyRepository;
import com.weavecrm.platform.access.internal.ScopeConditions;
import com.weavecrm.platform.access.internal.SecurityVersionRepository;
import com.weavecrm.platform.tenancy.TenantChanged;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may do what. Every read, filter, sort, write and export of tenant
 * records asks here: {@link #require} for the right (403 when missing), {@link #scope} for the SQL
 * condition that limits rows to the caller's data scope (rows outside it read as absent: 404), and
 * {@link #fieldAccess} for field-level security.
 */
@Service
public class PermissionService {

    private final TenantTx tx;
    private final PolicyRepository repository;
    private final SecurityVersionRepository versions;
    private final ApplicationEventPublisher events;
    private final Cache<PolicyKey, AccessPolicy> policies =
            Caffeine.newBuilder().maximumSize(50_000).build();

    public PermissionService(
            TenantTx tx,
            PolicyRepository repository,
            SecurityVersionRepository versions,
            ApplicationEventPublisher events) {
        this.tx = tx;
        this.repository = repository;
        this.versions = versions;
        this.events = events;
    }

    /**
     * Marks every cached policy of the tenant as outdated, inside the transaction that changes roles
     * or role assignments: requests authenticated after it commits load fresh permissions.
     */
    public void permissionsChanged(DSLContext dsl, TenantContext ctx) {
        versions.bump(dsl, ctx.tenant());
        events.publishEvent(TenantChanged.wholeTenant(ctx.tenant().id()));
    }

    /** The caller's permissions (the product itself may do everything). */
    public AccessPolicy policy(TenantContext ctx) {
        if (ctx.isSystem()) {
            return AccessPolicy.SYSTEM;
        }
        PolicyKey key = new PolicyKey(ctx.tenant().id(), ctx.userId(), ctx.securityVersion());
        return policies.get(key, k -> load(ctx));
    }

    /** The caller's scope for {@code action} on {@code object}; 403 when the caller has no such right. */
    public DataScope require(TenantContext ctx, String object, Action action) {
        DataScope scope = policy(ctx).scope(object, action);
        if (!scope.allows()) {
            throw ApiException.forbidden();
        }
        return scope;
    }

    public boolean can(TenantContext ctx, String object, Action action) {
        return policy(ctx).scope(object, action).allows();
    }

    /**
     * The condition limiting rows of {@code object} to those the caller may {@code action}, judged by
     * the row's owner. Call {@link #require} first: without the right this matches nothing.
     */
    public Condition scope(TenantContext ctx, String object, Action action, Field<UUID> owner) {
        DataScope scope = policy(ctx).scope(object, action);
        return ScopeConditions.of(ctx.tenant(), scope, ctx.userId(), owner);
    }

    /** The condition limiting org units to those within the caller's scope for {@code action}. */
    public Condition unitScope(TenantContext ctx, String object, Action action, Field<String> unitPath) {
        DataScope scope = policy(ctx).scope(object, action);
        if (ctx.isSystem()) {
            return ScopeConditions.unitsOf(ctx.tenant(), DataScope.ALL, null, unitPath);
        }
        return ScopeConditions.unitsOf(ctx.tenant(), scope, ctx.userId(), unitPath);
    }

    /** Whether a record owned by {@code ownerId} lies within the caller's scope for the action. */
    public boolean ownerInScope(TenantContext ctx, DSLContext dsl, String object, Action action, UUID ownerId) {
        DataScope scope = policy(ctx).scope(object, action);
        if (ownerId == null || scope == DataScope.ALL) { // the whole tenant: no owner to look up
            return scope == DataScope.ALL;
        }
        return repository.holds(dsl, scope(ctx, object, action, val(ownerId)));
    }

    public FieldAccess fieldAccess(TenantContext ctx, String object, String field) {
        return policy(ctx).field(object, field);
    }

    /** The fields of {@code candidates} the caller may read. */
    public List<String> readableFields(TenantContext ctx, String object, Collection<String> candidates) {
        AccessPolicy policy = policy(ctx);
        return candidates.stream()
                .filter(f -> policy.field(object, f).readable())
                .toList();
    }

    private AccessPolicy load(TenantContext ctx) {
        return tx.call(ctx, dsl -> {
            Map<UUID, List<Grant>> grants = repository.grantsByRole(dsl, ctx.tenant(), ctx.userId());
            Map<UUID, List<FieldRule>> rules = repository.fieldRulesByRole(dsl, ctx.tenant(), grants.keySet());
            return AccessPolicy.of(grants, rules);
        });
    }

    private record PolicyKey(UUID tenantId, UUID userId, long securityVersion) {}
}
