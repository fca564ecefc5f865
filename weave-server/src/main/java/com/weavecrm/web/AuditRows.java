package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditEntry;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Audit entries as the table shows them: the actor by name, each change as "field: old → new". */
@Component
class AuditRows {

    /** One change of one field, as text. */
    record Change(String field, String oldValue, String newValue) {}

    /** One entry with its actor's name and its changes. */
    record Row(AuditEntry entry, String actor, List<Change> changes) {}

    private final UserService users;
    private final PermissionService permissions;

    AuditRows(UserService users, PermissionService permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    List<Row> of(TenantContext ctx, List<AuditEntry> entries) {
        boolean canReadUsers = permissions.can(ctx, ObjectNames.USER, Action.READ);
        Map<UUID, String> actors = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (AuditEntry entry : entries) {
            String actor = entry.actorId() == null
                    ? null
                    : actors.computeIfAbsent(entry.actorId(), id -> name(ctx, id, canReadUsers));
            rows.add(new Row(entry, actor, changes(entry.changes())));
        }
        return rows;
    }

    private String name(TenantContext ctx, UUID id, boolean canReadUsers) {
        if (canReadUsers) {
            try {
                UserAccount user = users.get(ctx, id);
                return user.displayName() + " (" + user.username() + ")";
            } catch (ApiException e) {
                // outside the caller's scope: show the id only
            }
        }
        return id.toString().substring(0, 8);
    }

    private static List<Change> changes(JsonNode changes) {
        List<Change> list = new ArrayList<>();
        if (changes == null || !changes.isArray()) {
            return list;
        }
        for (JsonNode change : changes.values()) {
            list.add(new Change(change.path("field").asString(""), text(change.get("old")), text(change.get("new"))));
        }
        return list;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "∅";
        }
        String text = value.isString() ? value.stringValue() : value.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
