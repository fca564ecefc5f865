package com.weavecrm.web;

import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.metadata.ObjectViews.ObjectView;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The choices of the field editor: every field type, the objects a lookup may point at, the lookups
 * a rollup of {@code object} can follow (child object + its lookup to {@code object}) and the
 * numeric fields of those children a rollup may sum up.
 */
@Component
class FieldEditorOptions {

    private final ObjectViews views;

    FieldEditorOptions(ObjectViews views) {
        this.views = views;
    }

    /** A choice of a select: its value and its label in the caller's language. */
    public record Choice(String value, String label) {}

    public record Options(
            List<String> types, List<Choice> objects, List<Choice> rollupLinks, List<Choice> numericFields) {}

    Options of(TenantContext ctx, String object) {
        List<ObjectView> all = views.visible(ctx);
        List<Choice> objects =
                all.stream().map(o -> new Choice(o.apiName(), o.label())).toList();
        List<Choice> links = new ArrayList<>();
        List<Choice> numeric = new ArrayList<>();
        for (ObjectView child : all) {
            List<ObjectViews.FieldView> lookups = child.fields().stream()
                    .filter(f -> f.type().equals("lookup") && object.equals(f.target()))
                    .toList();
            lookups.forEach(
                    f -> links.add(new Choice(child.apiName() + "." + f.apiName(), child.label() + " · " + f.label())));
            if (!lookups.isEmpty()) {
                child.fields().stream()
                        .filter(f -> FieldType.parse(f.type())
                                .map(FieldType::isNumeric)
                                .orElse(false))
                        .forEach(f -> numeric.add(new Choice(f.apiName(), child.label() + " · " + f.label())));
            }
        }
        List<String> types =
                Arrays.stream(FieldType.values()).map(FieldType::apiName).toList();
        return new Options(types, objects, List.copyOf(links), List.copyOf(numeric));
    }
}
