package com.weavecrm.platform.metadata;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantUpgrade;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every tenant the standard objects (customer, contact, lead, deal, activity, task, ticket,
 * product, store) and, after an upgrade of the product, the standard objects and fields it adds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
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
        Map<ObjectDef, List<FieldDef>> newFields = new LinkedHashMap<>();
        for (StandardObjects.Object standard : StandardObjects.all()) {
            catalog.find(standard.apiName())
                    .map(existing -> Map.entry(existing, StandardObjects.missingFields(standard, existing)))
                    .filter(e -> !e.getValue().isEmpty())
                    .ifPresent(e -> newFields.put(e.getKey(), e.getValue()));
        }
        if (missing.isEmpty() && newFields.isEmpty()) {
            return;
        }
        designer.apply(ctx, dsl -> {
            for (StandardObjects.Object standard : missing) {
                ObjectDef object = StandardObjects.definition(standard);
                designer.create(dsl, ctx, object);
                standard.indexes().forEach(index -> designer.createIndex(dsl, ctx, object, index));
            }
            newFields.forEach((object, fields) -> designer.addStandardFields(dsl, ctx, object, fields));
            return null;
        });
    }
}
