package com.weavecrm.merge.internal;

import com.weavecrm.merge.Merge;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.SystemFields;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The survivor's values: set through the normal record update (validation, hooks, history), the
 * fields a merge changed with their values before and after, and putting them back on undo — unless
 * someone changed one of them since, which is a conflict rather than a silent overwrite.
 */
@Component
public class SurvivorValues {

    /** Keys a record body may carry that are not values of the record (ignored by updates). */
    private static final Set<String> NOT_VALUES = Set.of(
            SystemFields.ID,
            SystemFields.VERSION,
            SystemFields.CREATED_AT,
            SystemFields.UPDATED_AT,
            SystemFields.CREATED_BY);

    private final RecordService records;
    private final RecordWriter writer;
    private final JsonMapper json;

    public SurvivorValues(RecordService records, RecordWriter writer, JsonMapper json) {
        this.records = records;
        this.writer = writer;
        this.json = json;
    }

    /** Updates the survivor with {@code values}; errors name the field as {@code values.<field>}. */
    public Map<String, Object> apply(TenantContext ctx, String object, UUID survivor, JsonNode values) {
        if (values.isEmpty()) {
            return records.get(ctx, object, survivor);
        }
        try {
            return writer.update(ctx, object, survivor, values, null);
        } catch (ApiException e) {
            if (e.errors().isEmpty()) {
                throw e;
            }
            List<FieldError> errors = e.errors().stream()
                    .map(f -> new FieldError("values." + f.field(), f.code(), f.args()))
                    .toList();
            throw new ApiException(e.status(), e.messageKey(), errors);
        }
    }

    /** The fields of {@code values} whose value the update changed. */
    public List<Merge.Change> changes(JsonNode values, Map<String, Object> before, Map<String, Object> after) {
        List<Merge.Change> changes = new ArrayList<>();
        for (String field : values.propertyNames()) {
            if (NOT_VALUES.contains(field) || !after.containsKey(field)) {
                continue;
            }
            JsonNode old = tree(before.get(field));
            JsonNode now = tree(after.get(field));
            if (!old.equals(now)) {
                changes.add(new Merge.Change(field, old, now));
            }
        }
        return changes;
    }

    /** The changes as the audit trail records them. */
    public List<FieldChange> fieldChanges(
            List<Merge.Change> changes, Map<String, Object> before, Map<String, Object> after) {
        return changes.stream()
                .map(c -> new FieldChange(c.field(), before.get(c.field()), after.get(c.field())))
                .toList();
    }

    /**
     * Gives the survivor back its values from before the merge: 409 naming every field changed since
     * the merge (its value is no longer the one the merge set); the survivor as it is afterwards.
     */
    public Map<String, Object> restore(TenantContext ctx, String object, UUID survivor, List<Merge.Change> changes) {
        Map<String, Object> current = records.get(ctx, object, survivor);
        List<FieldError> conflicts = changes.stream()
                .filter(c -> !tree(current.get(c.field())).equals(c.newValue()))
                .map(c -> FieldError.of(c.field(), "changed_since_merge"))
                .toList();
        if (!conflicts.isEmpty()) {
            throw ApiException.conflict("problem.merge_conflict", conflicts);
        }
        if (changes.isEmpty()) {
            return current;
        }
        ObjectNode body = json.createObjectNode();
        changes.forEach(c -> body.set(c.field(), c.oldValue()));
        return writer.update(ctx, object, survivor, body, null);
    }

    private JsonNode tree(Object value) {
        return value == null
                ? tools.jackson.databind.node.JsonNodeFactory.instance.nullNode()
                : json.valueToTree(value);
    }
}
