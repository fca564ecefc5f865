package com.weavecrm.webform.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The platform's lookup from a form key's hash to its tenant and form ({@code platform.web_form_key}).
 * Rows are added and removed in the tenant's own transaction (row-level security keeps each tenant to
 * its rows); a public request finds the owner of a key as the platform, before any tenant is known.
 */
@Repository
public class FormKeyRepository {

    /** Whose a key is. */
    public record Owner(UUID tenantId, UUID formId) {}

    private static final Table<Record> KEYS = table(name("platform", "web_form_key"));
    private static final Field<String> KEY_HASH = field(name("key_hash"), String.class);
    private static final Field<UUID> TENANT_ID = field(name("tenant_id"), UUID.class);
    private static final Field<UUID> FORM_ID = field(name("form_id"), UUID.class);

    private final DSLContext platform;

    public FormKeyRepository(DSLContext platform) {
        this.platform = platform;
    }

    /** In the tenant's transaction: the tenant is the one of the transaction's role. */
    public void insert(DSLContext dsl, String keyHash, UUID formId) {
        dsl.insertInto(KEYS).set(KEY_HASH, keyHash).set(FORM_ID, formId).execute();
    }

    /** In the tenant's transaction: the rows of other tenants are invisible to it. */
    public void delete(DSLContext dsl, UUID formId) {
        dsl.deleteFrom(KEYS).where(FORM_ID.eq(formId)).execute();
    }

    /** Outside any tenant transaction, as the platform. */
    public Optional<Owner> find(String keyHash) {
        return platform.select(TENANT_ID, FORM_ID)
                .from(KEYS)
                .where(KEY_HASH.eq(keyHash))
                .fetchOptional(r -> new Owner(r.value1(), r.value2()));
    }
}
