package com.weavecrm.web;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.RequestLocales;
import com.weavecrm.webform.WebForm;
import com.weavecrm.webform.WebForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The web form editor's state and choices: which lead fields are shown and required (ticked per
 * field, the form's order first), the channel picklist in the reader's language, and the body the
 * API takes from what was entered.
 */
@Component
class WebFormEditor {

    private final WebForms forms;
    private final MetadataService metadata;

    WebFormEditor(WebForms forms, MetadataService metadata) {
        this.forms = forms;
        this.metadata = metadata;
    }

    /** A form in the list with its public link. */
    record Row(WebForm form, String link) {}

    /** A lead field in the editor: shown on the form, required. */
    record FieldRow(String name, String label, boolean shown, boolean required) {}

    record Choice(String value, String label) {}

    /** What the editor holds: entered values, as text. */
    record State(
            String name,
            List<String> shown,
            Set<String> required,
            String channel,
            String campaign,
            String consentText,
            String thankYou,
            boolean active,
            String version) {

        static State blank() {
            return new State("", List.of("name", "phone"), Set.of("phone"), "web_form", "", "", "", true, "");
        }

        static State of(WebForm form) {
            return new State(
                    form.name(),
                    form.fields().stream().map(WebForm.FormField::field).toList(),
                    Set.copyOf(form.fields().stream()
                            .filter(WebForm.FormField::required)
                            .map(WebForm.FormField::field)
                            .toList()),
                    form.channel() == null ? "" : form.channel(),
                    text(form.campaign()),
                    text(form.consentText()),
                    text(form.thankYou()),
                    form.active(),
                    Long.toString(form.version()));
        }

        static State of(MultiValueMap<String, String> params) {
            return new State(
                    text(params.getFirst("name")),
                    List.copyOf(params.getOrDefault("show", List.of())),
                    Set.copyOf(params.getOrDefault("required", List.of())),
                    text(params.getFirst("channel")),
                    text(params.getFirst("campaign")),
                    text(params.getFirst("consentText")),
                    text(params.getFirst("thankYou")),
                    params.containsKey("active"),
                    text(params.getFirst("version")));
        }

        Body body() {
            List<Map<String, Object>> fields = shown.stream()
                    .map(f -> Map.<String, Object>of("field", f, "required", required.contains(f)))
                    .toList();
            return Body.create()
                    .put("name", name)
                    .put("fields", fields)
                    .textOrNull("channel", channel)
                    .textOrNull("campaign", campaign)
                    .textOrNull("consentText", consentText)
                    .textOrNull("thankYou", thankYou)
                    .put("active", active);
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    /** Every lead field a form may show: those of the form first, in its order, then the others. */
    List<FieldRow> rows(TenantContext ctx, State state) {
        ObjectDef lead = metadata.object(ctx, "lead");
        String tag = RequestLocales.toTag(LocaleContextHolder.getLocale());
        List<String> choices = forms.fieldChoices(ctx);
        List<String> order =
                new ArrayList<>(state.shown().stream().filter(choices::contains).toList());
        choices.stream().filter(c -> !order.contains(c)).forEach(order::add);
        return order.stream()
                .map(name -> new FieldRow(
                        name,
                        lead.field(name).map(f -> f.labelIn(tag)).orElse(name),
                        state.shown().contains(name),
                        state.required().contains(name)))
                .toList();
    }

    List<Choice> channels(TenantContext ctx) {
        String tag = RequestLocales.toTag(LocaleContextHolder.getLocale());
        FieldDef channel = metadata.object(ctx, "lead").field("channel").orElseThrow();
        return channel.values().stream()
                .map(v -> new Choice(v.value(), v.label().getOrDefault(tag, v.value())))
                .toList();
    }
}
