package com.weavecrm.webform.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.webform.WebForm;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the tenant's web forms ({@code web_form}); the fields as a JSON array. */
@Repository
public class WebFormRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> FORM_KEY = field(name("form_key"), String.class);
    private static final Field<JSONB> FIELDS = field(name("fields"), JSONB.class);
    private static final Field<String> CHANNEL = field(name("channel"), String.class);
    private static final Field<String> CAMPAIGN = field(name("campaign"), String.class);
    private static final Field<String> CONSENT_TEXT = field(name("consent_text"), String.class);
    private static final Field<String> THANK_YOU = field(name("thank_you"), String.class);
    private static final Field<Boolean> ACTIVE = field(name("active"), Boolean.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> CREATED_BY = field(name("created_by"), UUID.class);
    private static final Field<UUID> UPDATED_BY = field(name("updated_by"), UUID.class);

    private final JsonMapper json;

    public WebFormRepository(JsonMapper json) {
        this.json = json;
    }

    public List<WebForm> all(DSLContext dsl, Tenant tenant) {
        return query(dsl, tenant).orderBy(lower(NAME), ID).fetch(this::row);
    }

    public Optional<WebForm> find(DSLContext dsl, Tenant tenant, UUID id) {
        return query(dsl, tenant).where(ID.eq(id)).fetchOptional(this::row);
    }

    public boolean nameTaken(DSLContext dsl, Tenant tenant, String name, UUID except) {
        return dsl.fetchExists(dsl.selectOne()
                .from(table(tenant))
                .where(lower(NAME).eq(name.toLowerCase(Locale.ROOT)))
                .and(except == null ? DSL.trueCondition() : ID.ne(except)));
    }

    public void insert(DSLContext dsl, Tenant tenant, WebForm form, UUID by) {
        dsl.insertInto(table(tenant))
                .set(ID, form.id())
                .set(NAME, form.name())
                .set(FORM_KEY, form.formKey())
                .set(FIELDS, fields(form))
                .set(CHANNEL, form.channel())
                .set(CAMPAIGN, form.campaign())
                .set(CONSENT_TEXT, form.consentText())
                .set(THANK_YOU, form.thankYou())
                .set(ACTIVE, form.active())
                .set(CREATED_BY, by)
                .set(UPDATED_BY, by)
                .execute();
    }

    /** Changes everything but the key; false when the version is not {@code expectedVersion} any more. */
    public boolean update(DSLContext dsl, Tenant tenant, WebForm form, long expectedVersion, UUID by) {
        return dsl.update(table(tenant))
                        .set(NAME, form.name())
                        .set(FIELDS, fields(form))
                        .set(CHANNEL, form.channel())
                        .set(CAMPAIGN, form.campaign())
                        .set(CONSENT_TEXT, form.consentText())
                        .set(THANK_YOU, form.thankYou())
                        .set(ACTIVE, form.active())
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, currentOffsetDateTime())
                        .set(UPDATED_BY, by)
                        .where(ID.eq(form.id()), VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    public void delete(DSLContext dsl, Tenant tenant, UUID id) {
        dsl.deleteFrom(table(tenant)).where(ID.eq(id)).execute();
    }

    private static Table<Record> table(Tenant tenant) {
        return tenant.table("web_form");
    }

    private JSONB fields(WebForm form) {
        return JSONB.valueOf(json.writeValueAsString(form.fields()));
    }

    private SelectJoinStep<Record> query(DSLContext dsl, Tenant tenant) {
        return dsl.select(List.<SelectField<?>>of(
                        ID,
                        NAME,
                        FORM_KEY,
                        FIELDS,
                        CHANNEL,
                        CAMPAIGN,
                        CONSENT_TEXT,
                        THANK_YOU,
                        ACTIVE,
                        VERSION,
                        CREATED_AT,
                        UPDATED_AT))
                .from(table(tenant));
    }

    private WebForm row(Record r) {
        List<WebForm.FormField> fields = json.readValue(r.get(FIELDS).data(), new TypeReference<>() {});
        return new WebForm(
                r.get(ID),
                r.get(NAME),
                r.get(FORM_KEY),
                fields,
                r.get(CHANNEL),
                r.get(CAMPAIGN),
                r.get(CONSENT_TEXT),
                r.get(THANK_YOU),
                r.get(ACTIVE),
                r.get(VERSION),
                r.get(CREATED_AT),
                r.get(UPDATED_AT));
    }
}
