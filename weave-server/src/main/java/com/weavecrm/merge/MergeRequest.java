package com.weavecrm.merge;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A merge to make: fold {@code mergedIds} into {@code survivorId}, giving the survivor {@code values}
 * (field api name to value, as a PATCH body).
 *
 * @param survivorVersion the survivor's version the caller saw; null to skip the check
 * @param mergedVersions the versions of merged records the caller saw (any subset); a record changed
 *     since is a conflict
 */
public record MergeRequest(
        String object,
        UUID survivorId,
        List<UUID> mergedIds,
        JsonNode values,
        Long survivorVersion,
        Map<UUID, Long> mergedVersions) {

    /** At most this many records are merged into one survivor at a time. */
    public static final int MAX_MERGED = 10;

    public MergeRequest {
        mergedIds = mergedIds == null ? List.of() : List.copyOf(mergedIds);
        values = values == null ? JsonNodeFactory.instance.objectNode() : values;
        mergedVersions = mergedVersions == null ? Map.of() : Map.copyOf(mergedVersions);
    }
}
