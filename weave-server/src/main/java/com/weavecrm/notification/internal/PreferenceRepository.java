package com.weavecrm.notification.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL of each user's choice of e-mail copies ({@code notification_preference}); no row: yes. */
@Repository
public class PreferenceRepository {

    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<Boolean> EMAIL = field(name("email"), Boolean.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    public boolean email(DSLContext dsl, Tenant tenant, UUID userId) {
        Boolean email = dsl.select(EMAIL)
                .from(tenant.table("notification_preference"))
                .where(USER_ID.eq(userId))
                .fetchOne(EMAIL);
        return email == null || email;
    }

    public void setEmail(DSLContext dsl, Tenant tenant, UUID userId, boolean email) {
        dsl.insertInto(tenant.table("notification_preference"))
                .set(USER_ID, userId)
                .set(EMAIL, email)
                .onConflict(USER_ID)
                .doUpdate()
                .set(EMAIL, email)
                .set(UPDATED_AT, currentOffsetDateTime())
                .execute();
    }
}
