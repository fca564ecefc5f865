package com.weavecrm.platform.organisation.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.organisation.TenantSettings;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL of the tenant's single settings row. */
@Repository
public class SettingsRepository {

    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> TIMEZONE = field(name("timezone"), String.class);
    private static final Field<String> CURRENCY = field(name("currency"), String.class);
    private static final Field<String> DEFAULT_LOCALE = field(name("default_locale"), String.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    public Optional<TenantSettings> find(DSLContext dsl, Tenant tenant) {
        return dsl.select(NAME, TIMEZONE, CURRENCY, DEFAULT_LOCALE, VERSION, UPDATED_AT)
                .from(tenant.table("tenant_settings"))
                .fetchOptional(r -> new TenantSettings(
                        r.get(NAME),
                        r.get(TIMEZONE),
                        r.get(CURRENCY),
                        r.get(DEFAULT_LOCALE),
                        r.get(VERSION),
                        r.get(UPDATED_AT)));
    }

    public void insert(DSLContext dsl, Tenant tenant, String tenantName) {
        dsl.insertInto(tenant.table("tenant_settings")).set(NAME, tenantName).execute();
    }

    public boolean update(DSLContext dsl, Tenant tenant, TenantSettings settings, long expectedVersion) {
        return dsl.update(tenant.table("tenant_settings"))
                        .set(NAME, settings.name())
                        .set(TIMEZONE, settings.timezone())
                        .set(CURRENCY, settings.currency())
                        .set(DEFAULT_LOCALE, settings.defaultLocale())
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, currentOffsetDateTime())
                        .where(VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }
}
