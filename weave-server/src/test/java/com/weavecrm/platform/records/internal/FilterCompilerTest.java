package com.weavecrm.platform.records.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.weavecrm.platform.access.AccessPolicy;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.PicklistValue;
import com.weavecrm.platform.records.ObjectAccess;
import com.weavecrm.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class FilterCompilerTest {

    private final FilterCompiler compiler = new FilterCompiler();
    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
    private final ObjectAccess access = ObjectAccess.of(
            new ObjectDef(
                    UUID.randomUUID(),
                    "course",
                    "r_course",
                    Map.of("en", "Course"),
                    Map.of("en", "Courses"),
                    false,
                    "title",
                    List.of(
                            field("title", FieldType.TEXT, List.of()),
                            field("seats", FieldType.INTEGER, List.of()),
                            field(
                                    "status",
                                    FieldType.PICKLIST,
                                    List.of(new PicklistValue("open", Map.of("zh-CN", "开放", "en", "Open"), null)))),
                    1),
            AccessPolicy.SYSTEM);

    @Test
    void everyValueIsABindParameter() {
        String sql = sql("title == \"x' OR '1'='1\" && seats >= 60 && status == \"开放\"");
        assertThat(sql)
                .doesNotContain("OR '1'='1")
                .doesNotContain("60")
                .contains("\"title\" = ?", "\"seats\" >= ?", "\"status\" = ?");
        Condition condition = compile("status == \"开放\"");
        assertThat(dsl.extractBindValues(condition)).containsExactly("open");
    }

    @Test
    void likePatternsMatchLiterally() {
        Condition condition = compile("title.contains(\"50%_off\\\\\")");
        assertThat(dsl.extractBindValues(condition)).containsExactly("%50\\%\\_off\\\\%");
    }

    @Test
    void namesCannotSmuggleSql() {
        for (String filter : List.of(
                "title; drop table x",
                "\"title\" == 1",
                "r_course.title == \"x\"",
                "title == \"a\" || 1 == 1; --",
                "seats == seats2")) {
            assertThatThrownBy(() -> compile(filter)).as(filter).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void limitsLengthAndNesting() {
        assertThatThrownBy(() -> compile("seats > 1 || ".repeat(400) + "true"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("too_long"));
        assertThatThrownBy(() -> compile("(".repeat(33) + "seats > 1" + ")".repeat(33)))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("too_deeply_nested"));
        assertThat(FilterCompiler.nesting("title == \"((((\" && (seats > 1)")).isEqualTo(1);
    }

    @Test
    void errorsNameThePosition() {
        assertThatThrownBy(() -> compile("seats >"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors().get(0).args()).last().isEqualTo(8));
    }

    private String sql(String filter) {
        return dsl.render(compile(filter));
    }

    private Condition compile(String filter) {
        return compiler.compile(filter, access, column -> Optional.empty());
    }

    private static FieldDef field(String name, FieldType type, List<PicklistValue> values) {
        return new FieldDef(
                UUID.randomUUID(),
                name,
                name,
                type,
                Map.of("en", name),
                false,
                false,
                false,
                false,
                type == FieldType.TEXT ? 255 : null,
                null,
                values,
                null,
                null,
                null,
                null,
                0,
                null,
                List.of(),
                null,
                false);
    }
}
