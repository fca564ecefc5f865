package com.weavecrm.followup;

import com.weavecrm.followup.internal.FollowUpPolicyRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The tenant's follow-up policies: read by anyone who may read leads, changed by admins, audited. */
@Service
public class FollowUpPolicies {

    static final String OBJECT = "followup_policy";

    private final TenantTx tx;
    private final FollowUpPolicyRepository repository;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final RecordExpressions expressions;
    private final AuditLog audit;

    public FollowUpPolicies(
            TenantTx tx,
            FollowUpPolicyRepository repository,
            PermissionService permissions,
            MetadataService metadata,
            RecordExpressions expressions,
            AuditLog audit) {
        this.tx = tx;
        this.repository = repository;
        this.permissions = permissions;
        this.metadata = metadata;
        this.expressions = expressions;
        this.audit = audit;
    }

    public List<FollowUpPolicy> list(TenantContext ctx) {
        permissions.require(ctx, "lead", Action.READ);
        return tx.call(ctx, dsl -> repository.all(dsl, ctx.tenant()));
    }

    /** One policy (404 when the tenant has none of that id). */
    public FollowUpPolicy get(TenantContext ctx, UUID id) {
        permissions.require(ctx, "lead", Action.READ);
        return tx.call(ctx, dsl -> repository.find(dsl, ctx.tenant(), id)).orElseThrow(ApiException::notFound);
    }

    public FollowUpPolicy create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        return tx.call(ctx, dsl -> {
            FollowUpPolicy policy =
                    read(ctx, body, UUID.randomUUID(), repository.nextPosition(dsl, ctx.tenant()), null);
            repository.insert(dsl, ctx.tenant(), policy);
            metadata.configurationChanged(dsl, ctx);
            audit.record(dsl, ctx, AuditAction.CREATE, OBJECT, policy.id(), FieldChange.created(describe(policy)));
            return repository.find(dsl, ctx.tenant(), policy.id()).orElseThrow();
        });
    }

    public FollowUpPolicy update(TenantContext ctx, UUID id, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        return tx.call(ctx, dsl -> {
            FollowUpPolicy before = repository.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            long version = ifMatch == null || ifMatch.isBlank() ? before.version() : parseVersion(ifMatch);
            FollowUpPolicy after = read(ctx, body, id, before.position(), before);
            if (!repository.update(dsl, ctx.tenant(), after, version)) {
                throw ApiException.staleVersion();
            }
            metadata.configurationChanged(dsl, ctx);
            audit.record(dsl, ctx, AuditAction.UPDATE, OBJECT, id, FieldChange.diff(describe(before), describe(after)));
            return repository.find(dsl, ctx.tenant(), id).orElseThrow();
        });
    }

    public void delete(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        tx.run(ctx, dsl -> {
            FollowUpPolicy before = repository.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            repository.delete(dsl, ctx.tenant(), id);
            metadata.configurationChanged(dsl, ctx);
            audit.record(dsl, ctx, AuditAction.DELETE, OBJECT, id, FieldChange.diff(describe(before), Map.of()));
        });
    }

    /** A policy from a body: every field given, or (updates) kept from {@code before}; all problems in one 400. */
    private FollowUpPolicy read(TenantContext ctx, JsonNode body, UUID id, int position, FollowUpPolicy before) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(body, "name", before == null ? null : before.name());
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(FieldError.of("name", name == null || name.isBlank() ? "required" : "too_long", 100));
        }
        String condition = text(body, "condition", before == null ? null : before.condition());
        if (condition != null && !condition.isBlank()) {
            expressions
                    .check(condition, metadata.object(ctx, "lead"), true)
                    .ifPresent(problem -> errors.add(FieldError.of("condition", "invalid_expression", problem)));
        } else {
            condition = null;
        }
        Integer minutes =
                positive(body, "firstResponseMinutes", before == null ? null : before.firstResponseMinutes(), errors);
        Integer hours = positive(body, "followUpHours", before == null ? null : before.followUpHours(), errors);
        if (minutes == null && hours == null && errors.isEmpty()) {
            errors.add(FieldError.of("firstResponseMinutes", "one_of_required", "firstResponseMinutes, followUpHours"));
        }
        FollowUpPolicy.OnBreach onBreach = before == null ? FollowUpPolicy.OnBreach.NOTIFY_MANAGER : before.onBreach();
        if (body.has("onBreach")) {
            try {
                onBreach = FollowUpPolicy.OnBreach.valueOf(
                        body.path("onBreach").asString("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(
                        "onBreach", "invalid_value", "notify_manager, reassign_to_manager, return_to_pool"));
            }
        }
        int at = body.path("position").isInt() ? body.path("position").asInt() : position;
        boolean active =
                body.path("active").isBoolean() ? body.path("active").asBoolean() : before == null || before.active();
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return new FollowUpPolicy(id, name.strip(), at, condition, minutes, hours, onBreach, active, 0);
    }

    private static String text(JsonNode body, String field, String fallback) {
        return body.has(field)
                ? (body.get(field).isNull() ? null : body.get(field).asString())
                : fallback;
    }

    private static Integer positive(JsonNode body, String field, Integer fallback, List<FieldError> errors) {
        if (!body.has(field)) {
            return fallback;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > 100_000) {
            errors.add(FieldError.of(field, "out_of_range", 1, 100_000));
            return null;
        }
        return node.asInt();
    }

    private static long parseVersion(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "invalid_format");
        }
    }

    static Map<String, Object> describe(FollowUpPolicy p) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", p.name());
        values.put("position", p.position());
        values.put("condition", p.condition());
        values.put("firstResponseMinutes", p.firstResponseMinutes());
        values.put("followUpHours", p.followUpHours());
        values.put("onBreach", p.onBreach().apiName());
        values.put("active", p.active());
        return values;
    }
}
