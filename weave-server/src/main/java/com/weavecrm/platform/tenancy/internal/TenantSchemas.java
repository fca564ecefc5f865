package com.weavecrm.platform.tenancy.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.weavecrm.platform.tenancy.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Creates and migrates the database side of tenants: the platform schema, each tenant's role and
 * schema, and the tenant migrations in {@code db/tenant}. Flyway applies each migration in its own
 * transaction, so a crash leaves a schema at a clean version and the next start resumes from there.
 */
@Component
public class TenantSchemas implements InitializingBean {

    public static final String PLATFORM_SCHEMA = "platform";
    private static final String TENANT_MIGRATIONS = "classpath:db/tenant";

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final String latestVersion;

    public TenantSchemas(DataSource dataSource, DSLContext dsl) {
        this.dataSource = dataSource;
        this.dsl = dsl;
        this.latestVersion = findLatestVersion();
    }

    @Override
    public void afterPropertiesSet() {
        migratePlatform();
    }

    public void migratePlatform() {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(PLATFORM_SCHEMA)
                .defaultSchema(PLATFORM_SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }

    /** Creates the tenant's role if missing, lets this connection's user act as it, migrates the schema. */
    public void migrate(Tenant tenant) {
        boolean roleExists = dsl.fetchExists(dsl.selectOne()
                .from(table(name("pg_catalog", "pg_roles")))
                .where(field(name("rolname")).eq(tenant.dbRole())));
        if (!roleExists) {
            dsl.execute("create role {0} nologin noinherit", name(tenant.dbRole()));
        }
        dsl.execute("grant {0} to current_user", name(tenant.dbRole()));
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(tenant.schema())
                .defaultSchema(tenant.schema())
                .createSchemas(true)
                .locations(TENANT_MIGRATIONS)
                // migrations are numbered when work starts and may be merged out of order (V17 after
                // V19): a schema already at a higher version still takes the lower one it has not had
                .outOfOrder(true)
                .placeholders(Map.of("tenant_role", "\"" + tenant.dbRole() + "\""))
                .load()
                .migrate();
    }

    /** Whether the tenant's initial data is there (initial data is written in one transaction). */
    public boolean isInitialised(DSLContext tenantDsl, Tenant tenant) {
        return tenantDsl.fetchExists(tenantDsl.selectOne().from(tenant.table("tenant_settings")));
    }

    /**
     * What this build's tenant migrations are: the newest version and how many there are (e.g. {@code
     * 19:16}), so that a migration merged below the newest one (out of order) still marks every tenant
     * as needing migration.
     */
    public String latestVersion() {
        return latestVersion;
    }

    private static String findLatestVersion() {
        try {
            Resource[] scripts =
                    new PathMatchingResourcePatternResolver().getResources(TENANT_MIGRATIONS + "/V*__*.sql");
            String newest = Arrays.stream(scripts)
                    .map(Resource::getFilename)
                    .map(f -> f.substring(1, f.indexOf("__")))
                    .max(Comparator.comparing(TenantSchemas::versionKey))
                    .orElseThrow();
            return newest + ":" + scripts.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versionKey(String version) {
        return Arrays.stream(version.split("[._]"))
                .map(part -> "%010d".formatted(Long.parseLong(part)))
                .reduce("", String::concat);
    }
}
