package com.weavecrm.notification;

import com.weavecrm.notification.internal.ReminderSettingsRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's notification settings: how many minutes before a task's due time its assignee is
 * reminded (15 by default, 0 = at the due time). Any signed-in user reads them; the {@code settings}
 * update right changes them. A change applies to reminders scheduled from then on (each task's next
 * write).
 */
@Service
public class ReminderSettings {

    /** The settings and their version (for {@code If-Match}). */
    public record Settings(int taskReminderMinutes, long version) {}

    private static final Set<String> FIELDS = Set.of("taskReminderMinutes");
    private static final int MAX_MINUTES = 7 * 24 * 60;

    private final TenantTx tx;
    private final PermissionService permissions;
    private final ReminderSettingsRepository repository;
    private final AuditLog audit;

    public ReminderSettings(
            TenantTx tx, PermissionService permissions, ReminderSettingsRepository repository, AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
        this.audit = audit;
    }

    public Settings get(TenantContext ctx) {
        return tx.call(ctx, dsl -> get(dsl, ctx));
    }

    public Settings get(DSLContext dsl, TenantContext ctx) {
        ReminderSettingsRepository.Row row = repository.find(dsl, ctx.tenant());
        return new Settings(row.taskReminderMinutes(), row.version());
    }

    public Settings update(TenantContext ctx, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        Optional<Integer> minutes = in.optionalInt("taskReminderMinutes", 0, MAX_MINUTES);
        in.finish();
        return tx.call(ctx, dsl -> {
            Settings current = get(dsl, ctx);
            long expected = current.version();
            if (ifMatch != null && !ifMatch.isBlank()) {
                try {
                    expected = Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("If-Match", "invalid_version");
                }
            }
            int next = minutes.orElse(current.taskReminderMinutes());
            if (!repository.update(dsl, ctx.tenant(), next, expected)) {
                throw ApiException.staleVersion();
            }
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    ObjectNames.SETTINGS,
                    null,
                    FieldChange.diff(
                            java.util.Map.of("taskReminderMinutes", current.taskReminderMinutes()),
                            java.util.Map.of("taskReminderMinutes", next)));
            return get(dsl, ctx);
        });
    }
}
