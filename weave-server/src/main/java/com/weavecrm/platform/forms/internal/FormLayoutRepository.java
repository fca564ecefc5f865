package com.weavecrm.platform.forms.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.forms.FormLayout;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of form layouts (one row per object, the sections as JSON). */
@Repository
public class FormLayoutRepository {

    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<JSONB> DEFINITION = field(name("definition"), JSONB.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> UPDATED_BY = field(name("updated_by"), UUID.class);
    private static final TypeReference<List<FormLayout.Section>> SECTIONS = new TypeReference<>() {};

    private final JsonMapper json;

    public FormLayoutRepository(JsonMapper json) {
        this.json = json;
    }

    public Optional<FormLayout> find(DSLContext dsl, Tenant tenant, String object) {
        return dsl.select(DEFINITION, VERSION)
                .from(tenant.table("form_layout"))
                .where(OBJECT.eq(object))
                .fetchOptional(r ->
                        new FormLayout(object, json.readValue(r.get(DEFINITION).data(), SECTIONS), r.get(VERSION)));
    }

    public void save(DSLContext dsl, Tenant tenant, FormLayout layout, UUID by) {
        JSONB definition = JSONB.valueOf(json.writeValueAsString(layout.sections()));
        dsl.insertInto(tenant.table("form_layout"))
                .set(OBJECT, layout.object())
                .set(DEFINITION, definition)
                .set(UPDATED_BY, by)
                .onConflict(OBJECT)
                .doUpdate()
                .set(DEFINITION, definition)
                .set(VERSION, field(name("form_layout", "version"), Long.class).plus(1))
                .set(UPDATED_AT, currentOffsetDateTime())
                .set(UPDATED_BY, by)
                .execute();
    }
}
