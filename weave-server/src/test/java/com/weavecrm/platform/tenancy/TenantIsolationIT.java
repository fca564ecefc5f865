package com.weavecrm.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** Tenant A can never read or change tenant B's rows: not through the API, not even in raw SQL. */
class TenantIsolationIT extends IntegrationTest {

    @Autowired
    TenantTx tx;

    TestTenant a;
    TestTenant b;
    String userOfB;

    @BeforeEach
    void twoTenants() {
        a = newTenant();
        b = newTenant();
        userOfB = b.admin()
                .post(
                        "/api/v1/admin/users",
                        ApiClient.map("username", "clerk", "displayName", "店员", "password", PASSWORD))
                .string("id");
    }

    @Test
    void anotherTenantsIdsAreNotFoundThroughTheApi() {
        assertThat(b.admin().get("/api/v1/admin/users/" + userOfB).status()).isEqualTo(200);
        assertThat(a.admin().get("/api/v1/admin/users/" + userOfB).isProblem(404))
                .isTrue();
        assertThat(a.admin()
                        .patch("/api/v1/admin/users/" + userOfB, ApiClient.map("displayName", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(a.admin()
                        .get("/api/v1/admin/users?limit=200")
                        .json()
                        .path("data")
                        .values())
                .noneMatch(u -> u.path("id").asString().equals(userOfB));
        assertThat(a.admin()
                        .get("/api/v1/audit?recordId=" + userOfB)
                        .json()
                        .path("data")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aTenantsDatabaseRoleCannotTouchAnotherTenantsSchema() {
        TenantContext ctxA = TenantContext.system(a.tenant(), "isolation-test");
        Tenant tenantB = b.tenant();
        assertThatThrownBy(() -> tx.run(ctxA, dsl -> dsl.fetch("select * from " + tenantB.schema() + ".app_user")))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tx.run(
                        ctxA, dsl -> dsl.execute("update " + tenantB.schema() + ".app_user set display_name = 'x'")))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tx.run(ctxA, dsl -> dsl.fetch("select * from platform.tenant")))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("permission denied");
        int ownRows = tx.call(ctxA, dsl -> dsl.fetchCount(a.tenant().table("app_user")));
        assertThat(ownRows).isEqualTo(1);
    }

    @Test
    void theAuditTrailIsInsertOnlyForTheTenantRole() {
        TenantContext ctxA = TenantContext.system(a.tenant(), "isolation-test");
        int entries = tx.call(ctxA, dsl -> dsl.fetchCount(a.tenant().table("audit_log")));
        assertThat(entries).isPositive();
        assertThatThrownBy(() -> tx.run(ctxA, dsl -> dsl.execute("update audit_log set action = 'x'")))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tx.run(ctxA, dsl -> dsl.execute("delete from audit_log")))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tx.run(ctxA, dsl -> dsl.execute("truncate audit_log")))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void eventsCanOnlyBeWrittenForTheOwnTenant() {
        TenantContext ctxA = TenantContext.system(a.tenant(), "isolation-test");
        assertThatThrownBy(() -> tx.run(
                        ctxA,
                        dsl -> dsl.insertInto(DSL.table(DSL.name("platform", "outbox")))
                                .set(
                                        DSL.field(DSL.name("tenant_id"), UUID.class),
                                        b.tenant().id())
                                .set(DSL.field(DSL.name("event_type"), String.class), "forged.event")
                                .execute()))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("row-level security");
        assertThatThrownBy(() -> tx.run(ctxA, dsl -> dsl.fetch("select * from platform.outbox")))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void oneTransactionCannotMixTenants() {
        TenantContext ctxA = TenantContext.system(a.tenant(), "isolation-test");
        TenantContext ctxB = TenantContext.system(b.tenant(), "isolation-test");
        assertThatThrownBy(() -> tx.run(ctxA, dsl -> tx.run(ctxB, inner -> {})))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTokenOfOneTenantDoesNotWorkAsAnotherTenants() {
        String tokenOfA = a.admin().token();
        String forged = tokenOfA.replace("wv_" + a.slug() + "_", "wv_" + b.slug() + "_");
        assertThat(anonymous().as(forged).get("/api/v1/me").isProblem(401)).isTrue();
    }
}
