package com.weavecrm.platform.metadata;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantUpgrade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gives every tenant the standard objects (customer, contact, lead, deal, activity, task, ticket,
 * product, store) and, after an upgrade of the product, the standard objects and fields it adds.
 */
@Component
class MetadataInitializer implements TenantUpgrade {

    private final ObjectDesigner designer;
    private final MetadataService metadata;

    MetadataInitializer(ObjectDesigner designer, MetadataService metadata) {
        this.designer = designer;
        this.metadata = metadata;
    }

    @Override
    public void upgrade(TenantContext ctx) {
        ObjectCatalog catalog = metadata.catalog(ctx);
        List<StandardObjects.Object> missing = StandardObjects.all().stream()
                .filter(o -> catalog.find(o.apiName()).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        designer.apply(ctx, dsl -> {
            for (StandardObjects.Object standard : missing) {
                ObjectDef object = definition(standard);
                designer.create(dsl, ctx, object);
                standard.indexes().forEach(index -> designer.createIndex(dsl, ctx, object, index));
            }
            return null;
        });
    }

    private static ObjectDef definition(StandardObjects.Object object) {
        List<FieldDef> fields = new ArrayList<>();
        int order = 0;
        for (StandardObjects.Field f : object.fields()) {
            order += 10;
            Integer maxLength = switch (f.type()) {
                case TEXT, PHONE, EMAIL, URL -> f.maxLength() == null ? FieldDef.DEFAULT_TEXT_LENGTH : f.maxLength();
                case LONG_TEXT -> f.maxLength();
                default -> null;
            };
            Integer scale = f.type().isNumeric() && f.type() != FieldType.INTEGER ? 2 : null;
            fields.add(new FieldDef(
                    UUID.randomUUID(),
                    f.apiName(),
                    SystemFields.snake(f.apiName()),
                    f.type(),
                    Map.of("zh-CN", f.zh(), "en", f.en()),
                    f.required(),
                    f.unique(),
                    f.readOnly(),
                    true,
                    maxLength,
                    scale,
                    f.values(),
                    f.target(),
                    null,
                    null,
                    null,
                    order,
                    null,
                    List.of(),
                    null,
                    false));
        }
        return new ObjectDef(
                UUID.randomUUID(),
                object.apiName(),
                "r_" + object.apiName(),
                Map.of("zh-CN", object.zh(), "en", object.en()),
                Map.of("zh-CN", object.zh(), "en", plural(object.en())),
                true,
                object.nameField(),
                List.copyOf(fields),
                1);
    }

    /** The English plural of a standard object's label: Activity → Activities, Customer → Customers. */
    static String plural(String english) {
        return english.endsWith("y") ? english.substring(0, english.length() - 1) + "ies" : english + "s";
    }
}
