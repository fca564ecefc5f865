package com.weavecrm.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the layout's common attributes into the model of every page of this package. */
@ControllerAdvice(basePackages = "com.weavecrm.web")
class PageDefaults {

    private final PageContext pages;

    PageDefaults(PageContext pages) {
        this.pages = pages;
    }

    @ModelAttribute
    void defaults(Model model, HttpServletRequest request) {
        pages.fill(model.asMap(), request);
    }
}
