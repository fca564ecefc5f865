package com.weavecrm.api;

import com.weavecrm.platform.records.ListView;
import com.weavecrm.platform.records.ListViews;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/objects/{object}/views")
@Tag(name = "Records")
class ListViewController {

    private final ListViews views;

    ListViewController(ListViews views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Saved list views of the object the caller may use: their own and those shared with them")
    Map<String, List<ListView>> list(TenantContext ctx, @PathVariable String object) {
        return Map.of("data", views.list(ctx, object));
    }

    @PostMapping
    @Operation(
            summary =
                    "Save a list view {name, filter, sort, fields, kanbanField, visibility: private|role|unit|tenant, "
                            + "role, orgUnitId}; use it with GET records?view=<id>")
    ResponseEntity<ListView> create(TenantContext ctx, @PathVariable String object, @RequestBody JsonNode body) {
        ListView view = views.create(ctx, object, body);
        return ResponseEntity.created(URI.create("/api/v1/objects/" + object + "/views/" + view.id()))
                .body(view);
    }

    @GetMapping("/{id}")
    ListView get(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        return views.get(ctx, object, id);
    }

    @PatchMapping("/{id}")
    ListView update(TenantContext ctx, @PathVariable String object, @PathVariable UUID id, @RequestBody JsonNode body) {
        return views.update(ctx, object, id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        views.delete(ctx, object, id);
        return ResponseEntity.noContent().build();
    }
}
