package com.weavecrm.dedupe.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** The tenant's duplicate settings per object. */
@Repository
public class SettingRepository {

    /** A stored setting. */
    public record Stored(BigDecimal threshold, String onWrite, long version) {}

    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<BigDecimal> THRESHOLD = field(name("threshold"), BigDecimal.class);
    private static final Field<String> ON_WRITE = field(name("on_write"), String.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> UPDATED_BY = field(name("updated_by"), UUID.class);

    private static Table<Record> settings(Tenant tenant) {
        return tenant.table("dedupe_setting");
    }

    public Optional<Stored> find(DSLContext dsl, Tenant tenant, String object) {
        return dsl.select(THRESHOLD, ON_WRITE, VERSION)
                .from(settings(tenant))
                .where(OBJECT.eq(object))
                .fetchOptional(r -> new Stored(r.value1(), r.value2(), r.value3()));
    }

    public void save(DSLContext dsl, Tenant tenant, String object, BigDecimal threshold, String onWrite, UUID by) {
        dsl.insertInto(settings(tenant))
                .set(OBJECT, object)
                .set(THRESHOLD, threshold)
                .set(ON_WRITE, onWrite)
                .set(UPDATED_BY, by)
                .onConflict(OBJECT)
                .doUpdate()
                .set(THRESHOLD, threshold)
                .set(ON_WRITE, onWrite)
                .set(UPDATED_BY, by)
                .set(UPDATED_AT, OffsetDateTime.now())
                .set(
                        VERSION,
                        field(name("dedupe_setting", "version"), Long.class).plus(1))
                .execute();
    }
}
