package com.weavecrm.platform.records;

import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.FieldError;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Rules a capability adds to the records of one object, run inside the write's transaction before
 * anything is written: fill values (a customer's {@code cid}), refuse combinations (a customer needs a
 * name or a way to reach them). Errors join the field errors of the request.
 */
public interface RecordHook {

    /** The object this hook is about. */
    String object();

    /**
     * Before a create ({@code before} empty) or an update: {@code values} holds the record as it will be
     * (field api name to value, only fields the caller may see plus what hooks add) and may be changed.
     */
    default void beforeWrite(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            Map<String, Object> before,
            Map<String, Object> values,
            List<FieldError> errors) {}

    /**
     * After a write, in its transaction: {@code before} and {@code after} hold every field of the record
     * (field api name to value, hidden fields included, and {@code ownerId}) as it was and as it now is;
     * {@code before} is empty for a new record, {@code after} is null when the record went to the recycle
     * bin.
     */
    default void afterWrite(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            UUID id,
            Map<String, Object> before,
            Map<String, Object> after) {}

    /** What a hook does after a write (see {@link #afterWrite}). */
    @FunctionalInterface
    interface AfterWrite {
        void run(
                DSLContext dsl,
                TenantContext ctx,
                ObjectDef object,
                UUID id,
                Map<String, Object> before,
                Map<String, Object> after);
    }

    /** A hook that only acts after writes of {@code object}. */
    static RecordHook after(String object, AfterWrite then) {
        return new RecordHook() {
            @Override
            public String object() {
                return object;
            }

            @Override
            public void afterWrite(
                    DSLContext dsl,
                    TenantContext ctx,
                    ObjectDef def,
                    UUID id,
                    Map<String, Object> before,
                    Map<String, Object> after) {
                then.run(dsl, ctx, def, id, before, after);
            }
        };
    }
}
