package com.weavecrm.web;

import com.weavecrm.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of pages become pages, never stack traces: no right → the 403 page, absent → the 404
 * page, signed out → the login page, anything else the service refused → a page with its message.
 */
@ControllerAdvice(basePackages = "com.weavecrm.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final PageContext pages;
    private final MessageSource messages;

    PageErrors(PageContext pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletRequest request) {
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            return new ModelAndView("redirect:/login");
        }
        String view = switch (e.status()) {
            case FORBIDDEN -> "error/403";
            case NOT_FOUND -> "error/404";
            default -> "error/4xx";
        };
        Map<String, Object> model = new HashMap<>();
        pages.fill(model, request);
        model.put("status", e.status().value());
        model.put(
                "problem", messages.getMessage(e.messageKey(), null, e.messageKey(), LocaleContextHolder.getLocale()));
        ModelAndView page = new ModelAndView(view, model);
        page.setStatus(e.status());
        return page;
    }

    /** A malformed id in a page address names nothing: the 404 page. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badId(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return refused(ApiException.notFound(), request);
    }
}
