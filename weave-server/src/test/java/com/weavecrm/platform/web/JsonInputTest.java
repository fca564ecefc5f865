package com.weavecrm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonInputTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void collectsEveryProblemBeforeFailing() {
        JsonInput in = JsonInput.of(json.readTree("""
                {"name": "  ", "age": "x", "extra": 1, "code": "A B", "tags": ["a", 2]}"""), Set.of("name", "age", "code", "tags", "email"));
        in.requiredText("name", 10);
        in.optionalInt("age", 0, 150);
        in.optionalMatching("code", 10, Pattern.compile("[A-Z]+"));
        in.stringList("tags", 5, 10);
        in.requiredText("email", 100);
        assertThatThrownBy(in::finish)
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors())
                                .extracting(error -> error.field() + ":" + error.code())
                                .containsExactlyInAnyOrder(
                                        "extra:unknown_field",
                                        "name:required",
                                        "age:invalid_type",
                                        "code:invalid_format",
                                        "tags:invalid_item",
                                        "email:required"));
    }

    @Test
    void trimsTextCountsCharactersNotBytesAndKeepsPasswordsAsGiven() {
        JsonInput in = JsonInput.of(
                json.readTree("{\"name\": \" 张伟 \", \"password\": \" pass word \"}"), Set.of("name", "password"));
        assertThat(in.requiredText("name", 2)).isEqualTo("张伟");
        assertThat(in.requiredPassword("password")).isEqualTo(" pass word ");
        in.finish();
    }

    @Test
    void listsDropDuplicatesAndKeepOrder() {
        JsonInput in = JsonInput.of(json.readTree("{\"roles\": [\"b\", \"a\", \"b\"]}"), Set.of("roles"));
        assertThat(in.stringList("roles", 5, 10)).isEqualTo(List.of("b", "a"));
    }

    @Test
    void aBodyMustBeAnObject() {
        assertThatThrownBy(() -> JsonInput.of(json.readTree("[1]"), Set.of()))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("not_an_object"));
    }
}
