package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.metadata.ObjectViews.ValueView;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterBuilderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<String, FieldView> FIELDS = new LinkedHashMap<>();

    static {
        add("name", "text", List.of(), null);
        add("kind", "picklist", List.of(new ValueView("company", "企业", null)), null);
        add("amount", "money", List.of(), null);
        add("birthday", "date", List.of(), null);
        add("createdAt", "datetime", List.of(), null);
        add("active", "boolean", List.of(), null);
        add("storeId", "lookup", List.of(), "store");
        add("ownerId", "user", List.of(), null);
    }

    @Test
    void rowsBecomeOneCelExpressionWithQuotedLiterals() {
        FilterBuilder.Built built = build(
                row("name", "contains", "张\"\\"),
                row("kind", "eq", "企业"),
                row("amount", "ge", "100.5"),
                row("birthday", "lt", "2000-01-01"),
                row("createdAt", "ge", "2026-12-01"),
                row("active", "eq", "是"),
                row("storeId", "startsWith", "静安"),
                row("ownerId", "eq", "王芳"),
                row("name", "notEmpty", ""),
                row("", "eq", "ignored"));
        assertThat(built.ok()).isTrue();
        assertThat(built.filter())
                .isEqualTo("name.contains(\"张\\\"\\\\\") && kind == \"company\" && amount >= 100.5"
                        + " && birthday < \"2000-01-01\" && createdAt >= \"2026-12-01T00:00+08:00\""
                        + " && active == true && storeId.name.startsWith(\"静安\")"
                        + " && ownerId.displayName == \"王芳\" && has(name)");
        assertThat(FilterBuilder.and(built.filter(), " city == \"上海\" ")).endsWith("&& (city == \"上海\")");
        assertThat(FilterBuilder.and(null, null)).isNull();
    }

    @Test
    void aRowThatMakesNoSenseIsNamedNotSent() {
        assertThat(build(row("amount", "gt", "12 || true")).problem()).isEqualTo("ui.records.filter.badRow");
        assertThat(build(row("kind", "gt", "企业")).problemField()).isEqualTo("kind");
        assertThat(build(row("kind", "eq", "no-such-value")).ok()).isFalse();
        assertThat(build(row("birthday", "eq", "yesterday")).ok()).isFalse();
        assertThat(build(row("phone", "eq", "1")).problem()).isEqualTo("ui.records.filter.unknownField");
    }

    private static FilterBuilder.Built build(FilterBuilder.Condition... rows) {
        return FilterBuilder.build(List.of(rows), FIELDS, Map.of("storeId", "name"), SHANGHAI);
    }

    private static FilterBuilder.Condition row(String field, String operator, String value) {
        return new FilterBuilder.Condition(field, operator, value);
    }

    private static void add(String name, String type, List<ValueView> values, String target) {
        FIELDS.put(
                name,
                new FieldView(
                        name, name, Map.of(), type, false, false, false, false, null, null, values, target, null, null,
                        null, null, List.of(), null, false));
    }
}
