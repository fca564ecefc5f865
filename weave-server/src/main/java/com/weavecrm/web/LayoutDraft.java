package com.weavecrm.web;

import com.weavecrm.platform.forms.FormLayout;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A form layout as the designer shows it: the sections (stored, or as just posted when the service
 * refused them, so the admin's arrangement is not lost) and the palette of fields not yet placed.
 */
public record LayoutDraft(List<Section> sections, List<FieldView> palette) {

    /** A section: title per language, 1 or 2 columns, its visibility condition and its fields. */
    public record Section(String zh, String en, int columns, String visibleIf, List<FieldView> fields) {}

    static LayoutDraft of(FormLayout layout, Map<String, FieldView> fields) {
        List<Section> sections = layout.sections().stream()
                .map(s -> new Section(
                        s.title().get("zh-CN"),
                        s.title().get("en"),
                        s.columns(),
                        s.visibleIf(),
                        known(s.fields(), fields)))
                .toList();
        return withPalette(sections, fields);
    }

    /** The layout as posted ({@code {"sections":[...]}}), read leniently: the service judges it. */
    static LayoutDraft posted(JsonNode body, Map<String, FieldView> fields) {
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : body.path("sections").values()) {
            List<String> names = new ArrayList<>();
            s.path("fields").values().forEach(f -> names.add(f.asString("")));
            sections.add(new Section(
                    s.path("title").path("zh-CN").asString(""),
                    s.path("title").path("en").asString(""),
                    s.path("columns").asInt(2) == 1 ? 1 : 2,
                    s.path("visibleIf").asString(""),
                    known(names, fields)));
        }
        return withPalette(sections, fields);
    }

    /** The error keys shown next to an input of the designer, for the problem summary to leave out. */
    public String shownErrors() {
        List<String> keys = new ArrayList<>(List.of("sections"));
        for (int i = 0; i < sections.size(); i++) {
            for (String key : List.of("title", "columns", "fields", "visibleIf")) {
                keys.add("sections[" + i + "]." + key);
            }
        }
        return String.join(",", keys);
    }

    private static LayoutDraft withPalette(List<Section> sections, Map<String, FieldView> fields) {
        Set<String> placed = new HashSet<>();
        sections.forEach(s -> s.fields().forEach(f -> placed.add(f.apiName())));
        List<FieldView> palette = fields.values().stream()
                .filter(f -> !placed.contains(f.apiName()))
                .toList();
        return new LayoutDraft(sections, palette);
    }

    private static List<FieldView> known(List<String> names, Map<String, FieldView> fields) {
        return names.stream().map(fields::get).filter(Objects::nonNull).toList();
    }
}
