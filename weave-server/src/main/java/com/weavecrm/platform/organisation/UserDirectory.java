package com.weavecrm.platform.organisation;

import static org.jooq.impl.DSL.trueCondition;

import com.weavecrm.platform.organisation.internal.UserRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who a user id is, for display next to records (owner, assignee): name and unit only. Everyone in
 * a tenant may see this much of their colleagues; the full user record needs the {@code user} right.
 */
@Service
public class UserDirectory {

    private final TenantTx tx;
    private final UserRepository users;

    public UserDirectory(TenantTx tx, UserRepository users) {
        this.tx = tx;
        this.users = users;
    }

    /** A colleague as shown next to a record. */
    public record UserSummary(UUID id, String username, String displayName, UUID orgUnitId, String status) {}

    public UserSummary summary(TenantContext ctx, UUID id) {
        return tx.call(ctx, dsl -> users.find(dsl, ctx.tenant(), id, trueCondition()))
                .map(u -> new UserSummary(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.status()))
                .orElse(null);
    }
}
