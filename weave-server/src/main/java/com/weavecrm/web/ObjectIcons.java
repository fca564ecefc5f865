package com.weavecrm.web;

import java.util.Map;
import org.springframework.stereotype.Component;

/** The Bootstrap icon of each standard object in the navigation; custom objects get a generic one. */
@Component("objectIcons")
public class ObjectIcons {

    private static final Map<String, String> ICONS = Map.of(
            "customer", "bi-person-vcard",
            "contact", "bi-person-lines-fill",
            "lead", "bi-funnel",
            "deal", "bi-briefcase",
            "activity", "bi-clock-history",
            "task", "bi-check2-square",
            "ticket", "bi-life-preserver",
            "product", "bi-box-seam",
            "store", "bi-shop");

    public String of(String object) {
        return ICONS.getOrDefault(object, "bi-grid");
    }
}
