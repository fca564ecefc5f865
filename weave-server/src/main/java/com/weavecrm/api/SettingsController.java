package com.weavecrm.api;

import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.organisation.TenantSettings;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/admin/settings")
@Tag(name = "Administration")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The tenant's settings: name, timezone, currency, defaultLocale")
    TenantSettings get(TenantContext ctx) {
        return settings.get(ctx);
    }

    @PatchMapping
    @Operation(summary = "Change the tenant's settings")
    TenantSettings update(
            TenantContext ctx,
            @Body(ApiSchemas.SettingsInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return settings.update(ctx, body, ifMatch);
    }
}
