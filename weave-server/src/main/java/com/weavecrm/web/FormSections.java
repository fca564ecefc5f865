package com.weavecrm.web;

import com.weavecrm.platform.forms.FormLayout;
import com.weavecrm.platform.forms.FormLayouts;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.RequestLocales;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sections of an object's form as one caller sees them: the saved layout (or the default one),
 * only fields they may read, and without the sections whose condition is false for the record.
 */
@Component
class FormSections {

    private final FormLayouts layouts;
    private final MetadataService metadata;
    private final RecordExpressions expressions;

    FormSections(FormLayouts layouts, MetadataService metadata, RecordExpressions expressions) {
        this.layouts = layouts;
        this.metadata = metadata;
        this.expressions = expressions;
    }

    /** A section to render: its title in the caller's language, one or two columns, its fields. */
    record Section(String title, int columns, List<FieldView> fields) {}

    List<Section> of(TenantContext ctx, ObjectFields.Fields fields, Map<String, Object> record) {
        FormLayout layout = layouts.get(ctx, fields.object().apiName());
        ObjectDef object = metadata.object(ctx, fields.object().apiName());
        Map<String, Object> values = typed(object, record);
        String language = RequestLocales.toTag(LocaleContextHolder.getLocale());
        return layout.sections().stream()
                .filter(s -> s.visibleIf() == null
                        || !Boolean.FALSE.equals(expressions
                                .evaluate(s.visibleIf(), object, values)
                                .orElse(null)))
                .map(s -> new Section(
                        title(s.title(), language),
                        s.columns(),
                        s.fields().stream().filter(fields::has).map(fields::get).toList()))
                .filter(s -> !s.fields().isEmpty())
                .toList();
    }

    /** The record's values as the expressions take them (numbers as numbers, lists as arrays). */
    private static Map<String, Object> typed(ObjectDef object, Map<String, Object> record) {
        Map<String, Object> values = new HashMap<>();
        object.fields().forEach(f -> {
            Object value = record.get(f.apiName());
            if (value instanceof String text && text.isBlank()) {
                value = null;
            }
            try {
                if (value != null && f.type().isNumeric() && f.type() != FieldType.INTEGER) {
                    value = new BigDecimal(value.toString());
                } else if (value != null && f.type() == FieldType.INTEGER) {
                    value = Long.parseLong(value.toString());
                } else if (value instanceof Collection<?> list) {
                    value = list.stream().map(Object::toString).toArray(String[]::new);
                } else if (value != null && f.type() == FieldType.BOOLEAN) {
                    value = Boolean.parseBoolean(value.toString());
                }
            } catch (NumberFormatException e) {
                value = null;
            }
            values.put(f.apiName(), value);
        });
        return values;
    }

    private static String title(Map<String, String> title, String language) {
        String text = title.get(language);
        return text != null ? text : title.values().stream().findFirst().orElse("");
    }
}
