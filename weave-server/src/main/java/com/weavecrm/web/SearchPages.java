package com.weavecrm.web;

import com.weavecrm.platform.search.SearchHit;
import com.weavecrm.platform.search.SearchService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The global search: records of every readable object by name, phone, cid, company or pinyin initials. */
@Controller
class SearchPages {

    static final int LIMIT = 50;

    private final SearchService search;
    private final MessageSource messages;

    SearchPages(SearchService search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    /** The hits of one object. */
    record Group(String object, String label, List<Found> hits) {}

    /** A hit and where it leads: a customer's 360, any other record's page. */
    record Found(SearchHit hit, String href) {

        static Found of(SearchHit hit) {
            return new Found(
                    hit,
                    "customer".equals(hit.object())
                            ? "/customers/" + hit.id()
                            : "/records/" + hit.object() + "/" + hit.id());
        }
    }

    @GetMapping("/search")
    ModelAndView search(TenantContext ctx, @RequestParam(required = false) String q) {
        ModelAndView page = new ModelAndView("search");
        page.addObject("section", "search");
        page.addObject("q", q);
        if (q == null || q.isBlank()) {
            return page;
        }
        try {
            Map<String, Group> groups = new LinkedHashMap<>();
            for (SearchHit hit : search.search(ctx, q, LIMIT)) {
                groups.computeIfAbsent(hit.object(), o -> new Group(o, hit.objectLabel(), new java.util.ArrayList<>()))
                        .hits()
                        .add(Found.of(hit));
            }
            page.addObject("groups", List.copyOf(groups.values()));
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            FormErrors.attach(page, e, messages);
        }
        return page;
    }
}
