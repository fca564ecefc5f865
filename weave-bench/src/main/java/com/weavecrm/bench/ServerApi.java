package com.weavecrm.bench;

import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of the product's API the harness makes besides the measured ones, as a signed-in user. */
public final class ServerApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http http;
    private final String token;

    private ServerApi(Http http, String token) {
        this.http = http;
        this.token = token;
    }

    public static ServerApi login(String base, String tenant, String username, String password) throws IOException {
        try (Http anonymous = new Http(base, null, 1)) {
            Http.Response response = anonymous.send(new Http.Call(
                    "POST",
                    "/api/v1/auth/login",
                    Map.of("tenant", tenant, "username", username, "password", password)));
            if (response.status() != 200) {
                throw new IOException("sign-in to tenant " + tenant + " as " + username + " failed: "
                        + response.status() + " " + response.body());
            }
            String token = JSON.readTree(response.body()).path("token").asString();
            return new ServerApi(new Http(base, token, 2), token);
        }
    }

    String token() {
        return token;
    }

    String base() {
        return http.base();
    }

    JsonNode get(String path) throws IOException {
        Http.Response response = http.send(Http.Call.get(path));
        if (response.status() != 200) {
            throw new IOException("GET " + path + ": " + response.status() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POSTs {@code body} as JSON and returns the answer; anything but a 2xx is an error. */
    JsonNode post(String path, Object body) throws IOException {
        Http.Response response = http.send(new Http.Call("POST", path, body));
        if (response.status() / 100 != 2) {
            throw new IOException("POST " + path + ": " + response.status() + " " + response.body());
        }
        return response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
    }
}
