package com.weavecrm.platform.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.weavecrm.platform.access.AccessPolicy;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.RequestLocales;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Objects as a caller sees them ({@code GET /api/v1/objects}): only objects they may read, only
 * fields not hidden from them, labels in their language, {@code readOnly} for them.
 */
@Service
public class ObjectViews {

    private final MetadataService metadata;
    private final PermissionService permissions;

    public ObjectViews(MetadataService metadata, PermissionService permissions) {
        this.metadata = metadata;
        this.permissions = permissions;
    }

    /** An object as the API shows it. */
    public record ObjectView(
            String apiName,
            String label,
            String labelPlural,
            Map<String, String> labels,
            boolean standard,
            String nameField,
            List<FieldView> fields) {}

    /** A field as the API shows it to one caller. */
    public record FieldView(
            String apiName,
            String label,
            Map<String, String> labels,
            String type,
            boolean required,
            boolean unique,
            boolean readOnly,
            boolean standard,
            Integer maxLength,
            Integer scale,
            List<ValueView> values,
            String target,
            String expression,
            String pattern,
            String helpText,
            @JsonProperty("default") Object defaultValue,
            List<FieldDef.ValidationRule> validations,
            FieldDef.Rollup rollup,
            boolean externalId) {}

    /** A picklist value in the caller's language. */
    public record ValueView(String value, String label, String color) {}

    public List<ObjectView> visible(TenantContext ctx) {
        AccessPolicy policy = permissions.policy(ctx);
        boolean designer = permissions.can(ctx, ObjectNames.METADATA, Action.READ);
        return metadata.catalog(ctx).all().stream()
                .filter(o -> designer || policy.scope(o.apiName(), Action.READ).allows())
                .map(o -> view(ctx, o, policy))
                .toList();
    }

    public ObjectView one(TenantContext ctx, String apiName) {
        ObjectDef object = metadata.object(ctx, apiName);
        AccessPolicy policy = permissions.policy(ctx);
        if (!permissions.can(ctx, ObjectNames.METADATA, Action.READ)
                && !policy.scope(apiName, Action.READ).allows()) {
            throw ApiException.notFound();
        }
        return view(ctx, object, policy);
    }

    /** A definition just written by the caller (the request's cached catalogue predates it). */
    public ObjectView of(TenantContext ctx, ObjectDef object) {
        return view(ctx, object, permissions.policy(ctx));
    }

    private static ObjectView view(TenantContext ctx, ObjectDef object, AccessPolicy policy) {
        String language = RequestLocales.toTag(ctx.locale());
        boolean canRead = policy.scope(object.apiName(), Action.READ).allows();
        boolean canWrite = policy.scope(object.apiName(), Action.CREATE).allows()
                || policy.scope(object.apiName(), Action.UPDATE).allows();
        List<FieldView> fields = object.fields().stream()
                .filter(f ->
                        !canRead || policy.field(object.apiName(), f.apiName()).readable())
                .map(f -> field(
                        f,
                        language,
                        canRead && canWrite ? policy.field(object.apiName(), f.apiName()) : FieldAccess.READ_ONLY))
                .toList();
        return new ObjectView(
                object.apiName(),
                object.labelIn(language),
                labelIn(object.labelPlural(), language),
                object.label(),
                object.standard(),
                object.nameField(),
                fields);
    }

    public static FieldView field(FieldDef f, String language, FieldAccess access) {
        return new FieldView(
                f.apiName(),
                f.labelIn(language),
                f.label(),
                f.type().apiName(),
                f.required(),
                f.unique(),
                f.readOnly() || f.type().isComputed() || !access.writable(),
                f.standard(),
                f.maxLength(),
                f.scale(),
                f.values().stream()
                        .map(v -> new ValueView(v.value(), labelIn(v.label(), language), v.color()))
                        .toList(),
                f.target(),
                f.expression(),
                f.pattern(),
                f.helpText(),
                f.defaultValue(),
                f.validations(),
                f.rollup(),
                f.externalId());
    }

    private static String labelIn(Map<String, String> label, String language) {
        String text = label.get(language);
        return text != null ? text : label.values().stream().findFirst().orElse("");
    }
}
