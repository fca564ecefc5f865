package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.metadata.ObjectViews.ObjectView;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The fields of an object a page may show to the caller: those {@link ObjectViews} lists (hidden
 * fields never appear) and the system fields every record has. An object the caller may not read is
 * absent (404).
 */
@Component
class ObjectFields {

    private static final List<String> SYSTEM = List.of("ownerId", "createdAt", "updatedAt");

    private final ObjectViews objects;
    private final PermissionService permissions;
    private final MessageSource messages;

    ObjectFields(ObjectViews objects, PermissionService permissions, MessageSource messages) {
        this.objects = objects;
        this.permissions = permissions;
        this.messages = messages;
    }

    /** An object as one caller sees it. */
    record Fields(ObjectView object, Map<String, FieldView> byName) {

        List<FieldView> all() {
            return List.copyOf(byName.values());
        }

        FieldView get(String apiName) {
            return byName.get(apiName);
        }

        boolean has(String apiName) {
            return byName.containsKey(apiName);
        }

        /** The field that names a record (falls back to the first field). */
        String nameField() {
            String name = object.nameField();
            return name != null && has(name)
                    ? name
                    : object.fields().isEmpty() ? "id" : object.fields().get(0).apiName();
        }

        String title(Map<String, Object> record) {
            Object value = record.get(nameField());
            return value == null || value.toString().isBlank() ? String.valueOf(record.get("id")) : value.toString();
        }

        /** The system fields every record has (owner, created, updated). */
        List<FieldView> system() {
            return SYSTEM.stream().map(byName::get).toList();
        }

        Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            byName.values().forEach(f -> labels.put(f.apiName(), f.label()));
            return labels;
        }

        List<FieldView> picklists() {
            return byName.values().stream()
                    .filter(f -> "picklist".equals(f.type()))
                    .toList();
        }
    }

    Fields of(TenantContext ctx, String object) {
        if (!permissions.can(ctx, object, Action.READ)) {
            throw ApiException.notFound();
        }
        ObjectView view = objects.one(ctx, object);
        Map<String, FieldView> byName = new LinkedHashMap<>();
        view.fields().forEach(f -> byName.put(f.apiName(), f));
        for (String name : SYSTEM) {
            byName.put(name, system(name));
        }
        return new Fields(view, byName);
    }

    /** Whether the caller may read records of {@code object} (lookups to others show no link). */
    boolean readable(TenantContext ctx, String object) {
        return object != null && permissions.can(ctx, object, Action.READ);
    }

    private FieldView system(String name) {
        String label = messages.getMessage("ui.records.sys." + name, null, name, LocaleContextHolder.getLocale());
        String type = name.endsWith("Id") ? "user" : "datetime";
        return new FieldView(
                name,
                label,
                Map.of(),
                type,
                false,
                false,
                true,
                true,
                null,
                null,
                new ArrayList<>(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                false);
    }
}
