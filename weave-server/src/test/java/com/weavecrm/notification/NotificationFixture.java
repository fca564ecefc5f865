package com.weavecrm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.support.ApiClient;
import java.util.List;
import java.util.UUID;

/** Users of a test tenant, made through the admin API. */
final class NotificationFixture {

    private NotificationFixture() {}

    /** Creates a sales user with this e-mail (or none) and returns their id. */
    static UUID user(ApiClient admin, String username, String email, String password) {
        ApiClient.Response created = admin.post(
                "/api/v1/admin/users",
                ApiClient.map(
                        "username",
                        username,
                        "displayName",
                        username,
                        "password",
                        password,
                        "roles",
                        List.of("sales"),
                        "email",
                        email));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return UUID.fromString(created.string("id"));
    }
}
