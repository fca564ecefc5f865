package com.weavecrm.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each data scope on a fixture table (until the records layer exists): rows are owned by people of
 * a small chain store company, and each scope must return exactly the rows it promises.
 *
 * <pre>
 * HQ ── 华东区 (region manager: li) ─┬─ 静安店 (store manager: wang; clerks: zhao, qian)
 *                                    └─ 徐汇店 (store manager: sun;  clerk: zhou)
 * </pre>
 */
class DataScopeIT extends IntegrationTest {

    private static final String OBJECT = "fixture_note";
    private static final Field<UUID> OWNER = DSL.field(DSL.name("owner_id"), UUID.class);
    private static final Field<String> TITLE = DSL.field(DSL.name("title"), String.class);

    @Autowired
    PermissionService permissions;

    @Autowired
    TenantTx tx;

    @Autowired
    DSLContext ownerDsl;

    TestTenant company;
    Map<String, UUID> users = new HashMap<>();
    Map<String, UUID> units = new HashMap<>();

    @BeforeEach
    void company() {
        company = newTenant();
        ApiClient admin = company.admin();
        units.put("east", unit(admin, "华东区", null));
        units.put("jingan", unit(admin, "静安店", units.get("east")));
        units.put("xuhui", unit(admin, "徐汇店", units.get("east")));
        for (String scope : List.of("own", "team", "unit", "all")) {
            admin.post(
                    "/api/v1/admin/roles",
                    ApiClient.map(
                            "apiName",
                            "notes_" + scope,
                            "label",
                            scope,
                            "permissions",
                            List.of(ApiClient.map("object", OBJECT, "actions", List.of("read"), "scope", scope))));
        }
        user(admin, "li", "east", null);
        user(admin, "wang", "jingan", "li");
        user(admin, "zhao", "jingan", "wang");
        user(admin, "qian", "jingan", "wang");
        user(admin, "sun", "xuhui", "li");
        user(admin, "zhou", "xuhui", "sun");
        // the fixture table: created by the schema owner, the tenant role gets rights by default privileges
        ownerDsl.execute("create table " + company.tenant().schema()
                + ".fixture_note (id serial primary key, owner_id uuid not null, title text not null)");
        tx.run(
                system(),
                dsl -> users.forEach(
                        (name, id) -> dsl.insertInto(company.tenant().table(OBJECT))
                                .set(OWNER, id)
                                .set(TITLE, "note of " + name)
                                .execute()));
    }

    @Test
    void ownSeesOnlyOwnRows() {
        assertThat(visibleTo("wang", "own")).containsExactlyInAnyOrder("wang");
        assertThat(visibleTo("zhou", "own")).containsExactlyInAnyOrder("zhou");
    }

    @Test
    void teamSeesTheWholeReportingLine() {
        assertThat(visibleTo("wang", "team")).containsExactlyInAnyOrder("wang", "zhao", "qian");
        assertThat(visibleTo("li", "team")).containsExactlyInAnyOrder("li", "wang", "zhao", "qian", "sun", "zhou");
        assertThat(visibleTo("zhou", "team")).containsExactlyInAnyOrder("zhou");
    }

    @Test
    void unitSeesTheUnitAndEverythingBelow() {
        assertThat(visibleTo("zhao", "unit")).containsExactlyInAnyOrder("wang", "zhao", "qian");
        assertThat(visibleTo("li", "unit")).containsExactlyInAnyOrder("li", "wang", "zhao", "qian", "sun", "zhou");
        assertThat(visibleTo("sun", "unit")).containsExactlyInAnyOrder("sun", "zhou");
    }

    @Test
    void allSeesTheWholeTenant() {
        assertThat(visibleTo("zhou", "all")).containsExactlyInAnyOrderElementsOf(users.keySet());
    }

    @Test
    void severalRolesGiveTheUnion() {
        company.admin()
                .patch(
                        "/api/v1/admin/users/" + users.get("zhou"),
                        ApiClient.map("roles", List.of("notes_own", "notes_unit")));
        assertThat(visibleTo("zhou", null)).containsExactlyInAnyOrder("sun", "zhou");
    }

    @Test
    void withoutAnyRoleTheRightIsMissing() {
        company.admin().patch("/api/v1/admin/users/" + users.get("zhou"), ApiClient.map("roles", List.of()));
        TenantContext ctx = contextOf("zhou");
        assertThat(permissions.can(ctx, OBJECT, Action.READ)).isFalse();
        assertThat(visibleTo("zhou", null)).isEmpty();
    }

    @Test
    void ownerChecksFollowTheScope() {
        company.admin()
                .patch("/api/v1/admin/users/" + users.get("wang"), ApiClient.map("roles", List.of("notes_team")));
        TenantContext wang = contextOf("wang");
        boolean reportInScope =
                tx.call(wang, dsl -> permissions.ownerInScope(wang, dsl, OBJECT, Action.READ, users.get("zhao")));
        boolean otherStoreInScope =
                tx.call(wang, dsl -> permissions.ownerInScope(wang, dsl, OBJECT, Action.READ, users.get("zhou")));
        assertThat(reportInScope).isTrue();
        assertThat(otherStoreInScope).isFalse();
    }

    @Test
    void fieldSecurityFollowsTheRolesOfTheUser() {
        company.admin()
                .post(
                        "/api/v1/admin/roles",
                        ApiClient.map(
                                "apiName",
                                "notes_masked",
                                "label",
                                "masked",
                                "permissions",
                                List.of(ApiClient.map(
                                        "object", OBJECT, "actions", List.of("read", "update"), "scope", "own")),
                                "fieldAccess",
                                List.of(
                                        ApiClient.map("object", OBJECT, "field", "title", "access", "hidden"),
                                        ApiClient.map("object", OBJECT, "field", "owner_id", "access", "read_only"))));
        company.admin()
                .patch("/api/v1/admin/users/" + users.get("zhao"), ApiClient.map("roles", List.of("notes_masked")));
        TenantContext zhao = contextOf("zhao");
        assertThat(permissions.fieldAccess(zhao, OBJECT, "title")).isEqualTo(FieldAccess.HIDDEN);
        assertThat(permissions.fieldAccess(zhao, OBJECT, "owner_id")).isEqualTo(FieldAccess.READ_ONLY);
        assertThat(permissions.fieldAccess(zhao, OBJECT, "id")).isEqualTo(FieldAccess.EDITABLE);
        assertThat(permissions.readableFields(zhao, OBJECT, List.of("id", "title", "owner_id")))
                .containsExactly("id", "owner_id");

        // a second role that reads the object without masking opens the field again
        company.admin()
                .patch(
                        "/api/v1/admin/users/" + users.get("zhao"),
                        ApiClient.map("roles", List.of("notes_masked", "notes_unit")));
        assertThat(permissions.fieldAccess(contextOf("zhao"), OBJECT, "title")).isEqualTo(FieldAccess.EDITABLE);
    }

    /** Names of the owners of the rows {@code name} may read, after giving them the role for {@code scope}. */
    private Set<String> visibleTo(String name, String scope) {
        if (scope != null) {
            company.admin()
                    .patch("/api/v1/admin/users/" + users.get(name), ApiClient.map("roles", List.of("notes_" + scope)));
        }
        TenantContext ctx = contextOf(name);
        Map<UUID, String> names =
                users.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        return tx
                .call(
                        ctx,
                        dsl -> dsl.select(OWNER)
                                .from(company.tenant().table(OBJECT))
                                .where(permissions.scope(ctx, OBJECT, Action.READ, OWNER))
                                .fetch(OWNER))
                .stream()
                .map(names::get)
                .collect(Collectors.toSet());
    }

    private TenantContext contextOf(String name) {
        long version = tx.call(
                system(),
                dsl -> dsl.fetchValue(DSL.select(DSL.field(DSL.name("security_version"), Long.class))
                        .from(company.tenant().table("tenant_settings"))));
        return new TenantContext(company.tenant(), users.get(name), version, 0, "scope-test", null, null);
    }

    private TenantContext system() {
        return TenantContext.system(company.tenant(), "scope-test");
    }

    private static UUID unit(ApiClient admin, String name, UUID parent) {
        Map<String, Object> body = ApiClient.map("name", name, "kind", parent == null ? "region" : "store");
        if (parent != null) {
            body.put("parentId", parent.toString());
        }
        return UUID.fromString(admin.post("/api/v1/admin/org-units", body).string("id"));
    }

    private void user(ApiClient admin, String name, String unit, String manager) {
        Map<String, Object> body = ApiClient.map(
                "username",
                name,
                "displayName",
                name,
                "password",
                PASSWORD,
                "orgUnitId",
                units.get(unit).toString());
        if (manager != null) {
            body.put("managerId", users.get(manager).toString());
        }
        ApiClient.Response created = admin.post("/api/v1/admin/users", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        users.put(name, UUID.fromString(created.string("id")));
    }
}
