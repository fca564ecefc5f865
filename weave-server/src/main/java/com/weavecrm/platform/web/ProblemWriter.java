package com.weavecrm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem responses: {@code {"type","title","status","detail","errors":[{"field",
 * "code","message"}],"requestId"}} with {@code Content-Type: application/problem+json}. The one way
 * every error of the API reaches a client, from controllers and from filters alike.
 */
@Component
public class ProblemWriter {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final JsonMapper json;
    private final RequestLocales locales;

    public ProblemWriter(MessageSource messages, JsonMapper json, RequestLocales locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public Map<String, Object> body(HttpServletRequest request, ApiException problem) {
        Locale locale = locales.of(request);
        HttpStatus status = problem.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                URI.create(
                        "https://weavecrm.dev/problems/" + problem.messageKey().replace("problem.", "")));
        body.put("title", text(locale, "problem.title." + status.value(), status.getReasonPhrase()));
        body.put("status", status.value());
        body.put("detail", text(locale, problem.messageKey(), problem.messageKey()));
        body.put("errors", fieldErrors(locale, problem.errors()));
        Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }

    /** Writes the problem straight to the servlet response (for filters, outside Spring MVC). */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException problem)
            throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        if (problem instanceof TooManyRequestsException tooMany && tooMany.retryAfter() != null) {
            response.setHeader(
                    "Retry-After",
                    Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
        }
        json.writeValue(response.getOutputStream(), body(request, problem));
    }

    private List<Map<String, Object>> fieldErrors(Locale locale, List<FieldError> errors) {
        return errors.stream()
                .map(e -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("field", e.field());
                    item.put("code", e.code());
                    item.put(
                            "message",
                            messages.getMessage("error." + e.code(), e.args().toArray(), e.code(), locale));
                    return item;
                })
                .toList();
    }

    private String text(Locale locale, String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
