package com.weavecrm.web;

import com.weavecrm.platform.records.ListView;
import com.weavecrm.platform.records.ListViews;
import com.weavecrm.platform.tenancy.TenantContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** Saving the list as it is shown as a view (private or shared, as {@link ListViews} allows) and deleting one. */
@Controller
@RequestMapping("/records/{object}/views")
class ListViewActions {

    private final ListViews views;
    private final JsonMapper json;

    ListViewActions(ListViews views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    @PostMapping
    ModelAndView save(TenantContext ctx, @PathVariable String object, @RequestParam Map<String, String> params) {
        String visibility = params.getOrDefault("visibility", ListView.PRIVATE);
        Body body = Body.create()
                .text("name", params.get("name"))
                .text("filter", params.get("filter"))
                .text("sort", params.get("sort"))
                .text("fields", params.get("fields"))
                .text("kanbanField", params.get("kanbanField"))
                .text("visibility", visibility);
        if ("role".equals(visibility)) {
            body.text("role", params.get("role"));
        }
        if ("unit".equals(visibility)) {
            body.text("orgUnitId", params.get("orgUnitId"));
        }
        ListView view = views.create(ctx, object, body.json(json));
        return new ModelAndView("redirect:/records/" + encode(object) + "?view=" + view.id() + "&toast=view_saved");
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        views.delete(ctx, object, id);
        return new ModelAndView("redirect:/records/" + encode(object) + "?toast=view_deleted");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
