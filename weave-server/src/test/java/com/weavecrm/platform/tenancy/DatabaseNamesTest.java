package com.weavecrm.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    @Test
    void schemasFollowSlugsAndRolesDifferPerDatabase() {
        assertThat(DatabaseNames.schemaFor("kang-yuan")).isEqualTo("t_kang_yuan");
        assertThat(DatabaseNames.roleFor("weave", "kang-yuan"))
                .startsWith("weave_")
                .endsWith("_kang_yuan");
        assertThat(DatabaseNames.roleFor("weave", "demo")).isNotEqualTo(DatabaseNames.roleFor("weave_test", "demo"));
        assertThat(DatabaseNames.roleFor("weave", "demo")).startsWith(DatabaseNames.rolePrefix("weave"));
        assertThat(DatabaseNames.roleFor("x", "a" + "b".repeat(30)).length()).isLessThanOrEqualTo(63);
    }

    @Test
    void onlySlugsBecomeNames() {
        for (String bad : new String[] {"A", "1abc", "a", "a_b", "a;drop", "ab\"c", "a".repeat(32)}) {
            assertThatThrownBy(() -> DatabaseNames.schemaFor(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
