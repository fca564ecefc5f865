package com.weavecrm.web;

import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.RequestIdFilter;
import com.weavecrm.platform.web.RequestLocales;
import com.weavecrm.platform.web.TooManyRequestsException;
import com.weavecrm.webform.PageTokens;
import com.weavecrm.webform.PublicForm;
import com.weavecrm.webform.PublicForms;
import com.weavecrm.webform.Submission;
import com.weavecrm.webform.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public page of a web form ({@code /f/{key}}), for visitors without an account: the form in
 * Chinese or English ({@code ?lang=en}, else the browser's language), UTM tags of the link carried in
 * hidden inputs, a signed page token instead of a CSRF token, and a honeypot. A submission goes to the
 * lead intake; refused input shows the form again with each field's error. Unknown or inactive → 404.
 */
@Controller
@RequestMapping("/f/{key}")
class PublicFormPages {

    private final PublicForms forms;
    private final PageTokens tokens;
    private final RequestLocales locales;
    private final MessageSource messages;

    PublicFormPages(PublicForms forms, PageTokens tokens, RequestLocales locales, MessageSource messages) {
        this.forms = forms;
        this.tokens = tokens;
        this.locales = locales;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView show(@PathVariable String key, @RequestParam Map<String, String> params, HttpServletRequest request) {
        Visitor visitor = visitor(request, params.get("lang"));
        return forms.open(key, visitor)
                .map(form -> page(form, params, visitor, Map.of(), null))
                .orElseGet(PublicFormPages::missing);
    }

    /** After a submission (post, redirect, get: reloading the page sends nothing again). */
    @GetMapping("/thanks")
    ModelAndView thanks(
            @PathVariable String key, @RequestParam Map<String, String> params, HttpServletRequest request) {
        return forms.open(key, visitor(request, params.get("lang")))
                .map(form -> new ModelAndView("forms/thanks", Map.of("form", form)))
                .orElseGet(PublicFormPages::missing);
    }

    @PostMapping
    ModelAndView submit(
            @PathVariable String key,
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response) {
        Visitor visitor = visitor(request, params.get("lang"));
        Optional<PublicForm> opened = forms.open(key, visitor);
        if (opened.isEmpty()) {
            return missing();
        }
        PublicForm form = opened.get();
        Map<String, String> values = new LinkedHashMap<>();
        form.inputs().forEach(i -> values.put(i.name(), params.getOrDefault(i.name(), "")));
        if (!tokens.valid(key, params.get("_ft"))) {
            ApiException expired = new ApiException(HttpStatus.BAD_REQUEST, "problem.form_expired");
            return page(form, params, visitor, values, expired);
        }
        Map<String, String> utm = new LinkedHashMap<>();
        Submission.UTM_TAGS.forEach(tag -> utm.put(tag, params.get("utm_" + tag)));
        Submission submission =
                new Submission(values, utm, params.containsKey("consent"), params.get(Submission.HONEYPOT));
        try {
            forms.submit(key, submission, visitor);
            String lang = RequestLocales.toTag(visitor.locale()).equals("en") ? "?lang=en" : "";
            return new ModelAndView("redirect:/f/" + key + "/thanks" + lang);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return missing();
            }
            if (e instanceof TooManyRequestsException limited) {
                response.setHeader(
                        "Retry-After", Long.toString(limited.retryAfter().toSeconds()));
            }
            return page(form, params, visitor, values, e);
        }
    }

    private ModelAndView page(
            PublicForm form,
            Map<String, String> params,
            Visitor visitor,
            Map<String, String> values,
            ApiException problem) {
        ModelAndView page = new ModelAndView("forms/public");
        page.addObject("form", form);
        page.addObject("values", values);
        page.addObject("consentGiven", params.containsKey("consent"));
        page.addObject("token", tokens.issue(form.key()));
        Map<String, String> utm = new LinkedHashMap<>();
        Submission.UTM_TAGS.forEach(tag -> {
            String value = params.get("utm_" + tag);
            if (value != null && !value.isBlank()) {
                utm.put("utm_" + tag, value.length() > 200 ? value.substring(0, 200) : value);
            }
        });
        page.addObject("utm", utm);
        page.addObject("lang", RequestLocales.toTag(visitor.locale()).equals("en") ? "en" : null);
        page.addObject("honeypot", Submission.HONEYPOT);
        List<String> shown = new ArrayList<>(
                form.inputs().stream().map(PublicForm.Input::name).toList());
        shown.add("consent");
        page.addObject("shown", String.join(",", shown));
        FormErrors.attach(page, problem, messages);
        if (problem != null && "problem.bad_request".equals(problem.messageKey())) {
            // the API's summary points at its "errors" list; a visitor sees the fields marked instead
            FormErrors errors = (FormErrors) page.getModel().get("errors");
            String summary = messages.getMessage("ui.publicForm.checkFields", null, visitor.locale());
            page.addObject("errors", new FormErrors(summary, errors.fields()));
        }
        return page;
    }

    private static ModelAndView missing() {
        ModelAndView page = new ModelAndView("forms/missing");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    /** The visitor's language: {@code ?lang=} when given, else the browser's; pages render in it. */
    private Visitor visitor(HttpServletRequest request, String lang) {
        Locale locale = lang != null ? RequestLocales.fromTag(lang) : locales.of(request);
        request.setAttribute(RequestLocales.USER_LOCALE, locale);
        return new Visitor(request.getRemoteAddr(), RequestIdFilter.of(request), locale);
    }
}
