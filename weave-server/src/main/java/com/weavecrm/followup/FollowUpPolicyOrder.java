package com.weavecrm.followup;

import com.weavecrm.followup.internal.FollowUpPolicyRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The order in which follow-up policies are tried: changed by admins as a whole, in one audited step. */
@Service
public class FollowUpPolicyOrder {

    private static final int MAX_POLICIES = 500;

    private final TenantTx tx;
    private final FollowUpPolicyRepository repository;
    private final PermissionService permissions;
    private final AuditLog audit;
    private final MetadataService metadata;

    public FollowUpPolicyOrder(
            TenantTx tx,
            FollowUpPolicyRepository repository,
            PermissionService permissions,
            AuditLog audit,
            MetadataService metadata) {
        this.tx = tx;
        this.repository = repository;
        this.permissions = permissions;
        this.audit = audit;
        this.metadata = metadata;
    }

    /** {@code {"ids": [every policy's id, first tried first]}} → the policies in their new order. */
    public List<FollowUpPolicy> reorder(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, Set.of("ids"));
        List<String> given = in.stringList("ids", MAX_POLICIES, 36);
        in.finish();
        List<UUID> ids = new ArrayList<>();
        for (String id : given) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("ids", "invalid_item");
            }
        }
        return tx.call(ctx, dsl -> {
            List<FollowUpPolicy> current = repository.all(dsl, ctx.tenant());
            Set<UUID> known =
                    new HashSet<>(current.stream().map(FollowUpPolicy::id).toList());
            if (ids.size() != known.size() || !known.equals(new HashSet<>(ids))) {
                throw ApiException.badRequest("ids", "not_every_policy");
            }
            for (int i = 0; i < ids.size(); i++) {
                repository.move(dsl, ctx.tenant(), ids.get(i), i + 1);
            }
            List<String> before = current.stream().map(p -> p.id().toString()).toList();
            List<String> after = ids.stream().map(UUID::toString).toList();
            if (!before.equals(after)) {
                metadata.configurationChanged(dsl, ctx); // intakes cache the policies in their order
                audit.record(
                        dsl,
                        ctx,
                        AuditAction.UPDATE,
                        FollowUpPolicies.OBJECT,
                        null,
                        List.of(new FieldChange("order", before, after)));
            }
            return repository.all(dsl, ctx.tenant());
        });
    }
}
