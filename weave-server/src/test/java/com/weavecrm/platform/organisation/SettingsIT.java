package com.weavecrm.platform.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class SettingsIT extends IntegrationTest {

    @Test
    void defaultsToShanghaiAndYuanAndValidatesChanges() {
        ApiClient admin = newTenant().admin();
        ApiClient.Response settings = admin.get("/api/v1/admin/settings");
        assertThat(settings.string("timezone")).isEqualTo("Asia/Shanghai");
        assertThat(settings.string("currency")).isEqualTo("CNY");
        assertThat(settings.string("defaultLocale")).isEqualTo("zh-CN");
        ApiClient.Response bad = admin.patch(
                "/api/v1/admin/settings",
                ApiClient.map("timezone", "Mars/Olympus", "currency", "XYZ", "defaultLocale", "de"));
        assertThat(bad.fieldErrors())
                .containsExactlyInAnyOrder(
                        "timezone:invalid_timezone", "currency:invalid_currency", "defaultLocale:invalid_format");
        ApiClient.Response changed = admin.patch(
                "/api/v1/admin/settings",
                ApiClient.map("name", "康源连锁", "timezone", "Asia/Hong_Kong", "currency", "HKD"));
        assertThat(changed.string("name")).isEqualTo("康源连锁");
        assertThat(changed.string("currency")).isEqualTo("HKD");
    }
}
