package com.weavecrm.platform.metadata;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** All object definitions of a tenant at one metadata version. Immutable; cached. */
public record ObjectCatalog(long version, Map<String, ObjectDef> objects) {

    public Optional<ObjectDef> find(String apiName) {
        return Optional.ofNullable(objects.get(apiName));
    }

    public Collection<ObjectDef> all() {
        return objects.values();
    }
}
