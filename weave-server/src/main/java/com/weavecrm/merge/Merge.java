package com.weavecrm.merge;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A merge made: which records went into which survivor, what it changed on the survivor, how many
 * children it moved (by {@code object.field}), and whether it was undone.
 */
public record Merge(
        UUID id,
        String object,
        UUID survivorId,
        List<UUID> mergedIds,
        List<Change> changes,
        Map<String, Integer> repointed,
        OffsetDateTime createdAt,
        UUID createdBy,
        OffsetDateTime undoneAt,
        UUID undoneBy) {

    /** A field of the survivor: its value before the merge and the value the merge gave it (API JSON form). */
    public record Change(String field, JsonNode oldValue, JsonNode newValue) {}

    public boolean undone() {
        return undoneAt != null;
    }

    /** {@code active}, or {@code undone} once undone. */
    public String status() {
        return undone() ? "undone" : "active";
    }

    public Merge withRepointed(Map<String, Integer> counts) {
        return new Merge(id, object, survivorId, mergedIds, changes, counts, createdAt, createdBy, undoneAt, undoneBy);
    }
}
