package com.weavecrm.platform.organisation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A role: what its holders may do ({@code permissions}) and see ({@code fieldAccess}).
 *
 * @param label the name in each language, {@code {"zh-CN": "...", "en": "..."}}
 * @param builtin one of the product's templates (it can be edited but not deleted)
 * @param locked the tenant administrator's role, which nobody can narrow
 */
public record Role(
        UUID id,
        String apiName,
        Map<String, String> label,
        String description,
        boolean builtin,
        boolean locked,
        List<RolePermission> permissions,
        List<RoleFieldAccess> fieldAccess,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The label in the given language ({@code zh-CN} or {@code en}), falling back to the other. */
    public String labelIn(String languageTag) {
        String text = label.get(languageTag);
        return text != null ? text : label.values().stream().findFirst().orElse(apiName);
    }
}
