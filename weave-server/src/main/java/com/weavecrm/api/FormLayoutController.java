package com.weavecrm.api;

import com.weavecrm.platform.forms.FormLayout;
import com.weavecrm.platform.forms.FormLayouts;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/objects/{object}/layout")
@Tag(name = "Objects and fields")
class FormLayoutController {

    private final FormLayouts layouts;

    FormLayoutController(FormLayouts layouts) {
        this.layouts = layouts;
    }

    @GetMapping
    @Operation(
            summary =
                    "The object's form layout: sections with title, columns (1 or 2), fields in order, visibleIf (CEL)")
    FormLayout get(TenantContext ctx, @PathVariable String object) {
        return layouts.get(ctx, object);
    }

    @PutMapping
    @Operation(summary = "Replace the form layout {sections: [{title, columns, fields, visibleIf}]} (administrators)")
    FormLayout save(TenantContext ctx, @PathVariable String object, @RequestBody JsonNode body) {
        return layouts.save(ctx, object, body);
    }
}
