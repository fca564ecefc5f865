package com.weavecrm.api;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.webform.FormLinks;
import com.weavecrm.webform.WebForm;
import com.weavecrm.webform.WebForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/web-forms")
@Tag(name = "Leads")
class WebFormController {

    private static final String PATH = "/api/v1/web-forms/";

    private final WebForms forms;
    private final FormLinks links;

    WebFormController(WebForms forms, FormLinks links) {
        this.forms = forms;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "The tenant's web forms, each with its key, public link and QR code address")
    Map<String, List<Map<String, Object>>> list(TenantContext ctx) {
        return Map.of("data", forms.list(ctx).stream().map(this::json).toList());
    }

    @PostMapping
    @Operation(summary = "Add a web form; it gets a new random key and its public page /f/{key}")
    ResponseEntity<Map<String, Object>> create(
            TenantContext ctx, @Body(ApiSchemas.WebFormInput.class) @RequestBody JsonNode body) {
        WebForm form = forms.create(ctx, body);
        return ResponseEntity.created(URI.create(PATH + form.id())).body(json(form));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(TenantContext ctx, @PathVariable UUID id) {
        return json(forms.get(ctx, id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a web form (the fields given; fields is replaced whole); If-Match → 409 when stale")
    Map<String, Object> update(
            TenantContext ctx,
            @PathVariable UUID id,
            @Body(ApiSchemas.WebFormInput.class) @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json(forms.update(ctx, id, body, ifMatch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a web form: its link stops working at once; its leads stay")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable UUID id) {
        forms.delete(ctx, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The QR code (PNG) of the form's public link")
    ResponseEntity<byte[]> qr(TenantContext ctx, @PathVariable UUID id) {
        WebForm form = forms.get(ctx, id);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(links.qrPng(link(form)));
    }

    private Map<String, Object> json(WebForm form) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", form.id());
        out.put("name", form.name());
        out.put("formKey", form.formKey());
        out.put("link", link(form));
        out.put("qrCode", PATH + form.id() + "/qr.png");
        out.put("fields", form.fields());
        out.put("channel", form.channel());
        out.put("campaign", form.campaign());
        out.put("consentText", form.consentText());
        out.put("thankYou", form.thankYou());
        out.put("active", form.active());
        out.put("version", form.version());
        out.put("createdAt", form.createdAt());
        out.put("updatedAt", form.updatedAt());
        return out;
    }

    private String link(WebForm form) {
        return links.link(
                form, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }

    /** The documented shape of a web form's body. */
    record WebFormInput(
            @Schema(example = "春季体验课报名", maxLength = 100) String name,

            @Schema(
                    description = "the lead fields shown, in order: name, company, phone, email, wechatId or a"
                            + " custom lead field; at least one of phone, email, wechatId")
            List<WebForm.FormField> fields,

            @Schema(example = "web_form", description = "a value of the lead's channel picklist (default web_form)")
            String channel,

            @Schema(example = "春季体验课", maxLength = 100) String campaign,

            @Schema(example = "我同意织客按隐私政策联系我", maxLength = 500, description = "when set, the visitor must tick it")
            String consentText,

            @Schema(example = "谢谢！我们会在一个工作日内联系您。", maxLength = 500)
            String thankYou,

            @Schema(description = "inactive forms answer 404 (default true)")
            Boolean active) {}
}
