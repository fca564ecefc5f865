package com.weavecrm.api;

import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.ObjectDesigner;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.RequestLocales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/v1/objects")
@Tag(name = "Objects and fields")
class ObjectController {

    private final ObjectViews views;
    private final ObjectDesigner designer;

    ObjectController(ObjectViews views, ObjectDesigner designer) {
        this.views = views;
        this.designer = designer;
    }

    @GetMapping
    @Operation(summary = "Objects the caller may see, with the fields the caller may see")
    Map<String, List<ObjectViews.ObjectView>> list(TenantContext ctx) {
        return Map.of("data", views.visible(ctx));
    }

    @GetMapping("/{object}")
    @Operation(summary = "One object with its fields")
    ObjectViews.ObjectView get(TenantContext ctx, @PathVariable String object) {
        return views.one(ctx, object);
    }

    @PostMapping
    @Operation(summary = "Create a custom object {apiName, label, labelPlural} (administrators)")
    ResponseEntity<ObjectViews.ObjectView> create(
            TenantContext ctx, @Body(ApiSchemas.ObjectInput.class) @RequestBody JsonNode body) {
        ObjectDef object = designer.createObject(ctx, body);
        return ResponseEntity.created(URI.create("/api/v1/objects/" + object.apiName()))
                .body(views.of(ctx, object));
    }

    @PostMapping("/{object}/fields")
    @Operation(summary = "Add a field {apiName, label, type, required, unique, maxLength, scale, values, target, ...}")
    ResponseEntity<ObjectViews.FieldView> addField(
            TenantContext ctx,
            @PathVariable String object,
            @Body(ApiSchemas.FieldInput.class) @RequestBody JsonNode body) {
        FieldDef field = designer.addField(ctx, object, body);
        return ResponseEntity.created(URI.create("/api/v1/objects/" + object + "/fields/" + field.apiName()))
                .body(ObjectViews.field(field, RequestLocales.toTag(ctx.locale()), FieldAccess.EDITABLE));
    }

    @PatchMapping("/{object}/fields/{field}")
    @Operation(summary = "Change a field: label, required, unique, maxLength (longer), values, safe type changes")
    ObjectViews.FieldView updateField(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable String field,
            @Body(ApiSchemas.FieldInput.class) @RequestBody JsonNode body) {
        FieldDef changed = designer.updateField(ctx, object, field, body);
        return ObjectViews.field(changed, RequestLocales.toTag(ctx.locale()), FieldAccess.EDITABLE);
    }

    @DeleteMapping("/{object}/fields/{field}")
    @Operation(summary = "Delete a custom field and its data")
    ResponseEntity<Void> deleteField(TenantContext ctx, @PathVariable String object, @PathVariable String field) {
        designer.deleteField(ctx, object, field);
        return ResponseEntity.noContent().build();
    }
}
