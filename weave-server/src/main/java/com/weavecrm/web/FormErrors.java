package com.weavecrm.web;

import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused form, ready for a template: the problem's summary ({@code problem.*} message) and each
 * field's messages ({@code error.<code>} with its arguments), the same texts the API returns.
 */
public record FormErrors(String summary, Map<String, List<String>> fields) {

    public static FormErrors of(ApiException e, MessageSource messages, Locale locale) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            String text =
                    messages.getMessage("error." + error.code(), error.args().toArray(), error.code(), locale);
            fields.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(text);
        }
        return new FormErrors(messages.getMessage(e.messageKey(), null, e.messageKey(), locale), fields);
    }

    /** Adds the errors of a refused form to its page and answers with the problem's status. */
    static ModelAndView attach(ModelAndView page, ApiException problem, MessageSource messages) {
        if (problem != null) {
            page.addObject("errors", of(problem, messages, LocaleContextHolder.getLocale()));
            page.setStatus(problem.status());
        }
        return page;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String text(String field) {
        return String.join("; ", fields.getOrDefault(field, List.of()));
    }

    /** "field: message" for every field not shown next to an input of the form ({@code shown}, comma-separated). */
    public List<String> others(String shown) {
        Set<String> inputs = Set.of(shown.split(","));
        List<String> lines = new ArrayList<>();
        fields.forEach((field, texts) -> {
            if (!inputs.contains(field)) {
                texts.forEach(t -> lines.add(field + ": " + t));
            }
        });
        return lines;
    }
}
