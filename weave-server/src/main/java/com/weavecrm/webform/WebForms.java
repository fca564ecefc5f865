package com.weavecrm.webform;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.webform.internal.FormKeyRepository;
import com.weavecrm.webform.internal.WebFormRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's web forms: read with the {@code settings} read right, changed with its update right,
 * every change audited (object {@code web_form}). Creating a form gives it a new key and registers the
 * key's hash with the platform in the same transaction; deleting it removes both.
 */
@Service
public class WebForms {

    static final String OBJECT = "web_form";

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final WebFormRepository forms;
    private final FormKeyRepository keys;
    private final AuditLog audit;

    public WebForms(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            WebFormRepository forms,
            FormKeyRepository keys,
            AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.forms = forms;
        this.keys = keys;
        this.audit = audit;
    }

    public List<WebForm> list(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> forms.all(dsl, ctx.tenant()));
    }

    public WebForm get(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> forms.find(dsl, ctx.tenant(), id)).orElseThrow(ApiException::notFound);
    }

    /** The lead fields a form may show: the standard ones, then the tenant's custom lead fields. */
    public List<String> fieldChoices(TenantContext ctx) {
        return WebFormInput.choices(lead(ctx));
    }

    public WebForm create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        WebFormInput input = WebFormInput.read(body, lead(ctx), null);
        WebForm form = form(UUID.randomUUID(), FormKeys.generate(), input, 1);
        return tx.call(ctx, dsl -> {
            if (forms.nameTaken(dsl, ctx.tenant(), input.name(), null)) {
                throw ApiException.duplicate("name");
            }
            forms.insert(dsl, ctx.tenant(), form, ctx.userId());
            keys.insert(dsl, FormKeys.hash(form.formKey()), form.id());
            audit.record(dsl, ctx, AuditAction.CREATE, OBJECT, form.id(), FieldChange.created(values(form)));
            return forms.find(dsl, ctx.tenant(), form.id()).orElseThrow();
        });
    }

    public WebForm update(TenantContext ctx, UUID id, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        ObjectDef lead = lead(ctx);
        return tx.call(ctx, dsl -> {
            WebForm current = forms.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            long expected = IfMatch.expected(ifMatch, current.version());
            WebFormInput input = WebFormInput.read(body, lead, current);
            WebForm changed = form(id, current.formKey(), input, current.version());
            if (forms.nameTaken(dsl, ctx.tenant(), changed.name(), id)) {
                throw ApiException.duplicate("name");
            }
            if (!forms.update(dsl, ctx.tenant(), changed, expected, ctx.userId())) {
                throw ApiException.staleVersion();
            }
            audit.record(dsl, ctx, AuditAction.UPDATE, OBJECT, id, FieldChange.diff(values(current), values(changed)));
            return forms.find(dsl, ctx.tenant(), id).orElseThrow();
        });
    }

    public void delete(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        tx.run(ctx, dsl -> {
            WebForm current = forms.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            keys.delete(dsl, id);
            forms.delete(dsl, ctx.tenant(), id);
            audit.record(dsl, ctx, AuditAction.DELETE, OBJECT, id, FieldChange.diff(values(current), Map.of()));
        });
    }

    private ObjectDef lead(TenantContext ctx) {
        return metadata.object(ctx, "lead");
    }

    private static WebForm form(UUID id, String key, WebFormInput in, long version) {
        return new WebForm(
                id,
                in.name(),
                key,
                in.fields(),
                in.channel(),
                in.campaign(),
                in.consentText(),
                in.thankYou(),
                in.active(),
                version,
                null,
                null);
    }

    private static Map<String, Object> values(WebForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", form.name());
        values.put(
                "fields",
                form.fields().stream()
                        .map(f -> f.field() + (f.required() ? "*" : ""))
                        .collect(Collectors.joining(",")));
        values.put("channel", form.channel());
        values.put("campaign", form.campaign());
        values.put("consentText", form.consentText());
        values.put("thankYou", form.thankYou());
        values.put("active", form.active());
        return values;
    }
}
