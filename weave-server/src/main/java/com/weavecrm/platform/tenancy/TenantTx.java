package com.weavecrm.platform.tenancy;

import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs tenant work in one transaction under the tenant's database role ({@code SET LOCAL ROLE}), with
 * the tenant's schema as the search path. Whatever a repository does inside, PostgreSQL itself
 * refuses to touch another tenant's schema, and the audit table accepts inserts only.
 */
@Component
public class TenantTx {

    private static final String ENTER = "select set_config('role', ?, true), set_config('search_path', ?, true),"
            + " set_config('weave.request_id', ?, true)";

    /** The tenant whose transaction is open on the current thread, if any. */
    private final ThreadLocal<UUID> openTenant = new ThreadLocal<>();

    private final DSLContext dsl;
    private final TransactionTemplate required;
    private final TransactionTemplate requiresNew;

    public TenantTx(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.required = new TransactionTemplate(transactions);
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code work} in the tenant's transaction, joining one already open for the same tenant. */
    public <T> T call(TenantContext ctx, Function<DSLContext, T> work) {
        UUID open = openTenant.get();
        if (open != null) {
            if (!open.equals(ctx.tenant().id())) {
                throw new IllegalStateException("a transaction of one tenant cannot run work of another");
            }
            return work.apply(dsl);
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("tenant work cannot join a platform transaction");
        }
        return inNewTransaction(required, ctx, work);
    }

    public void run(TenantContext ctx, Consumer<DSLContext> work) {
        call(ctx, d -> {
            work.accept(d);
            return null;
        });
    }

    /** Runs {@code work} in a transaction of its own that commits even if the caller's rolls back. */
    public <T> T callSeparately(TenantContext ctx, Function<DSLContext, T> work) {
        return inNewTransaction(requiresNew, ctx, work);
    }

    /**
     * Runs schema work (DDL of the metadata engine) in a transaction of the schema owner — not under
     * the tenant's role, which may not change its schema — with the tenant's schema as search path.
     * Only the metadata engine calls this; everything else is tenant work.
     */
    public <T> T callAsSchemaOwner(TenantContext ctx, Function<DSLContext, T> work) {
        if (openTenant.get() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("schema work runs in a transaction of its own");
        }
        return required.execute(status -> {
            dsl.execute(
                    "select set_config('search_path', ?, true)", ctx.tenant().schema());
            return work.apply(dsl);
        });
    }

    private <T> T inNewTransaction(TransactionTemplate template, TenantContext ctx, Function<DSLContext, T> work) {
        UUID outer = openTenant.get();
        try {
            return template.execute(status -> {
                enter(ctx.tenant(), ctx.requestId());
                openTenant.set(ctx.tenant().id());
                return work.apply(dsl);
            });
        } finally {
            if (outer == null) {
                openTenant.remove();
            } else {
                openTenant.set(outer);
            }
        }
    }

    /** Takes the tenant's role and schema for the transaction: plain JDBC, as every transaction starts with it. */
    private void enter(Tenant tenant, String requestId) {
        dsl.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ENTER)) {
                statement.setString(1, tenant.dbRole());
                statement.setString(2, tenant.schema());
                statement.setString(3, requestId == null ? "" : requestId);
                statement.execute();
            }
        });
    }
}
