package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.webform.FormLinks;
import com.weavecrm.webform.WebForm;
import com.weavecrm.webform.WebForms;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → web forms: the list, a form to build or change one (the same body the API takes), and
 * for a saved form its key, shareable link and QR code to print or send.
 */
@Controller
@RequestMapping("/admin/web-forms")
class WebFormPages {

    private final WebForms forms;
    private final FormLinks links;
    private final WebFormEditor editor;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    WebFormPages(
            WebForms forms,
            FormLinks links,
            WebFormEditor editor,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.forms = forms;
        this.links = links;
        this.editor = editor;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx) {
        ModelAndView page = new ModelAndView("admin/web-forms");
        page.addObject("section", "web-forms");
        String base = base();
        page.addObject(
                "rows",
                forms.list(ctx).stream()
                        .map(f -> new WebFormEditor.Row(f, links.link(f, base)))
                        .toList());
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return page;
    }

    @GetMapping("/new")
    ModelAndView create(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        return formPage(ctx, null, WebFormEditor.State.blank(), null);
    }

    @PostMapping("/new")
    ModelAndView save(TenantContext ctx, @RequestParam MultiValueMap<String, String> params) {
        WebFormEditor.State state = WebFormEditor.State.of(params);
        try {
            WebForm created = forms.create(ctx, state.body().json(json));
            return new ModelAndView("redirect:/admin/web-forms/" + created.id() + "?toast=web_form_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return formPage(ctx, null, state, e);
        }
    }

    @GetMapping("/{id}")
    ModelAndView edit(TenantContext ctx, @PathVariable UUID id) {
        WebForm form = forms.get(ctx, id);
        return formPage(ctx, form, WebFormEditor.State.of(form), null);
    }

    @PostMapping("/{id}")
    ModelAndView update(TenantContext ctx, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params) {
        WebFormEditor.State state = WebFormEditor.State.of(params);
        try {
            forms.update(ctx, id, state.body().json(json), params.getFirst("version"));
            return new ModelAndView("redirect:/admin/web-forms/" + id + "?toast=web_form_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return formPage(ctx, forms.get(ctx, id), state, e);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(TenantContext ctx, @PathVariable UUID id) {
        forms.delete(ctx, id);
        return "redirect:/admin/web-forms?toast=web_form_deleted";
    }

    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(TenantContext ctx, @PathVariable UUID id) {
        WebForm form = forms.get(ctx, id);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(links.qrPng(links.link(form, base())));
    }

    private ModelAndView formPage(TenantContext ctx, WebForm form, WebFormEditor.State state, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/web-form");
        page.addObject("section", "web-forms");
        page.addObject("webForm", form);
        page.addObject("link", form == null ? null : links.link(form, base()));
        page.addObject("state", state);
        page.addObject("fieldRows", editor.rows(ctx, state));
        page.addObject("channels", editor.channels(ctx));
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
