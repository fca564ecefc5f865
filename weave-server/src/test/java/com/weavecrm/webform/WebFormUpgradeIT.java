package com.weavecrm.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantProvisioner;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant migrated by a build that had V19 but not yet V17 (migrations merged out of order): the next
 * start still gives it V17, and web forms and the intake work there.
 */
class WebFormUpgradeIT extends IntegrationTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    TenantProvisioner provisioner;

    @Test
    void aSchemaPastV19WithoutV17TakesItAtTheNextStart() {
        TestTenant test = newTenant();
        ApiClient admin = test.admin();

        without17(test.tenant());
        provisioner.migrateAll();

        ApiClient.Response form = admin.post(WebFormApiIT.FORMS, WebFormApiIT.springForm());
        assertThat(form.status()).as(form.text()).isEqualTo(201);
        ApiClient.Response intake =
                admin.post("/api/v1/leads/intake", ApiClient.map("name", "赵敏", "phone", "13600004545"));
        assertThat(intake.status()).as(intake.text()).isEqualTo(201);
    }

    /** Takes the tenant back to a schema at V19 that never had V17, as a build before web forms left it. */
    private void without17(Tenant tenant) {
        String schema = tenant.schema();
        dsl.execute("drop table {0}", name(schema, "web_form"));
        dsl.execute("alter table {0} drop column web_form_id", name(schema, "lead_intake"));
        dsl.execute("delete from {0} where version = '17'", name(schema, "flyway_schema_history"));
        dsl.execute(
                "update platform.tenant set schema_version = '19' where id = {0}", org.jooq.impl.DSL.val(tenant.id()));
    }
}
