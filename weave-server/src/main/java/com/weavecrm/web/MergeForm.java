package com.weavecrm.web;

import com.weavecrm.merge.MergeRequest;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merge page's form as a merge request: for each field ({@code f.<field>} names the record whose
 * value to keep) the chosen value when it is not the survivor's already, and the versions the page
 * showed ({@code version.<id>}), so a record changed since the page was opened is a conflict.
 */
@Component
class MergeForm {

    private final RecordService records;
    private final ObjectFields objects;
    private final JsonMapper json;

    MergeForm(RecordService records, ObjectFields objects, JsonMapper json) {
        this.records = records;
        this.objects = objects;
        this.json = json;
    }

    MergeRequest read(TenantContext ctx, String object, List<UUID> ids, UUID survivor, Map<String, String> form) {
        Map<UUID, Map<String, Object>> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, records.get(ctx, object, id)));
        Map<String, Object> kept = byId.get(survivor);
        ObjectNode values = json.createObjectNode();
        for (var field : MergeComparison.choosable(objects.of(ctx, object))) {
            Map<String, Object> source = byId.get(uuid(form.get("f." + field.apiName())));
            Object value = source == null ? null : source.get(field.apiName());
            if (source != null && !Objects.equals(value, kept.get(field.apiName()))) {
                values.set(field.apiName(), json.valueToTree(value));
            }
        }
        List<UUID> merged = ids.stream().filter(id -> !id.equals(survivor)).toList();
        Map<UUID, Long> versions = new LinkedHashMap<>();
        merged.forEach(id -> versions.put(id, version(form.get("version." + id))));
        versions.values().removeIf(Objects::isNull);
        return new MergeRequest(object, survivor, merged, values, version(form.get("version." + survivor)), versions);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long version(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
