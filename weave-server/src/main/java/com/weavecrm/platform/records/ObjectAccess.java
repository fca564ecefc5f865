package com.weavecrm.platform.records;

import com.weavecrm.platform.access.AccessPolicy;
import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one caller may see and change of one object: the readable columns (system fields and the
 * fields not hidden from them) and, per field, whether they may write it. Hidden fields are simply
 * not there, so they cannot be read, filtered, sorted or written — with the same error as a field
 * that does not exist.
 */
public final class ObjectAccess {

    private final ObjectDef object;
    private final Map<String, Column> readable;
    private final Map<String, FieldAccess> access;

    private ObjectAccess(ObjectDef object, Map<String, Column> readable, Map<String, FieldAccess> access) {
        this.object = object;
        this.readable = readable;
        this.access = access;
    }

    public static ObjectAccess of(ObjectDef object, AccessPolicy policy) {
        Map<String, Column> readable = new LinkedHashMap<>();
        Map<String, FieldAccess> access = new LinkedHashMap<>();
        Column.SYSTEM.forEach(c -> readable.put(c.apiName(), c));
        for (FieldDef field : object.fields()) {
            FieldAccess level = policy.field(object.apiName(), field.apiName());
            if (level.readable()) {
                readable.put(field.apiName(), Column.of(field));
                access.put(
                        field.apiName(), field.readOnly() || field.type().isComputed() ? FieldAccess.READ_ONLY : level);
            }
        }
        return new ObjectAccess(object, readable, access);
    }

    public ObjectDef object() {
        return object;
    }

    /** Readable columns by API name: system fields first, then fields in their order. */
    public Map<String, Column> readable() {
        return readable;
    }

    public Optional<Column> column(String apiName) {
        return Optional.ofNullable(readable.get(apiName));
    }

    /** The caller's access to a (non-system) field; absent when the field is hidden or unknown. */
    public Optional<FieldAccess> fieldAccess(String apiName) {
        return Optional.ofNullable(access.get(apiName));
    }
}
