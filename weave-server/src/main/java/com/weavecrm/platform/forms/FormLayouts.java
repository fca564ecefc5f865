package com.weavecrm.platform.forms;

import com.weavecrm.platform.access.AccessPolicy;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.forms.internal.FormLayoutRepository;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.Labels;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.ObjectAccess;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Form layouts. Without one, an object's form is a single two-column section with every field in
 * order. A saved layout must place every required field once, use only the object's fields, and
 * its conditions must be valid filter expressions on the object.
 */
@Service
public class FormLayouts {

    private static final int MAX_SECTIONS = 50;

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final RecordService records;
    private final FormLayoutRepository repository;
    private final AuditLog audit;

    public FormLayouts(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            RecordService records,
            FormLayoutRepository repository,
            AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.records = records;
        this.repository = repository;
        this.audit = audit;
    }

    /** The object's layout (or the default one), with the fields the caller may not read left out. */
    public FormLayout get(TenantContext ctx, String objectApiName) {
        ObjectAccess access = records.access(ctx, objectApiName, Action.READ);
        FormLayout layout = stored(ctx, access.object());
        List<FormLayout.Section> sections = layout.sections().stream()
                .map(s -> new FormLayout.Section(
                        s.title(),
                        s.columns(),
                        s.fields().stream()
                                .filter(f -> access.column(f).isPresent())
                                .toList(),
                        s.visibleIf()))
                .toList();
        return new FormLayout(layout.object(), sections, layout.version());
    }

    public FormLayout save(TenantContext ctx, String objectApiName, JsonNode body) {
        permissions.require(ctx, ObjectNames.METADATA, Action.UPDATE);
        ObjectDef object = metadata.object(ctx, objectApiName);
        JsonInput in = JsonInput.of(body, Set.of("sections"));
        List<FormLayout.Section> sections = sections(in, object);
        in.finish();
        FormLayout before = stored(ctx, object);
        FormLayout layout = new FormLayout(object.apiName(), sections, before.version());
        tx.run(ctx, dsl -> {
            repository.save(dsl, ctx.tenant(), layout, ctx.userId());
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    "form_layout",
                    object.apiName(),
                    FieldChange.diff(Map.of("sections", before.sections()), Map.of("sections", sections)));
        });
        return get(ctx, objectApiName);
    }

    private FormLayout stored(TenantContext ctx, ObjectDef object) {
        return tx.call(ctx, dsl -> repository.find(dsl, ctx.tenant(), object.apiName()))
                .orElseGet(() -> new FormLayout(
                        object.apiName(),
                        List.of(new FormLayout.Section(
                                Map.of("zh-CN", "基本信息", "en", "Details"),
                                2,
                                object.fields().stream().map(FieldDef::apiName).toList(),
                                null)),
                        0));
    }

    private List<FormLayout.Section> sections(JsonInput in, ObjectDef object) {
        List<FormLayout.Section> sections = new ArrayList<>();
        JsonNode list = in.node("sections").orElse(null);
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_SECTIONS) {
            in.error("sections", "invalid_sections", MAX_SECTIONS);
            return sections;
        }
        Set<String> placed = new HashSet<>();
        ObjectAccess all = ObjectAccess.of(object, AccessPolicy.SYSTEM);
        int index = 0;
        for (JsonNode node : list.values()) {
            String at = "sections[" + index++ + "]";
            Map<String, String> title = node.has("title") ? Labels.parse(node.get("title")) : null;
            if (title == null) {
                in.error(at + ".title", "invalid_label");
            }
            int columns = node.path("columns").asInt(2);
            if (columns != 1 && columns != 2) {
                in.error(at + ".columns", "out_of_range", 1, 2);
            }
            List<String> fields = new ArrayList<>();
            for (JsonNode field : node.path("fields").values()) {
                String name = field.asString("");
                if (object.field(name).isEmpty()) {
                    in.error(at + ".fields", "unknown_field", name);
                } else if (!placed.add(name)) {
                    in.error(at + ".fields", "duplicate", name);
                } else {
                    fields.add(name);
                }
            }
            String visibleIf =
                    node.hasNonNull("visibleIf") ? node.get("visibleIf").asString("") : null;
            if (visibleIf != null) {
                try {
                    records.checkFilter(visibleIf, all);
                } catch (ApiException e) {
                    e.errors()
                            .forEach(error -> in.error(
                                    at + ".visibleIf",
                                    error.code(),
                                    error.args().toArray()));
                }
            }
            sections.add(new FormLayout.Section(title, columns, List.copyOf(fields), visibleIf));
        }
        object.fields().stream()
                .filter(f -> f.required() && !placed.contains(f.apiName()))
                .forEach(f -> in.error("sections", "required_field_missing", f.apiName()));
        return sections;
    }
}
