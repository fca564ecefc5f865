package com.weavecrm.merge.internal;

import com.weavecrm.merge.MergeRequest;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Reads a merge request from JSON and checks it: every problem (shape, unknown object, survivor among
 * the merged records, none or too many merged records) is reported in one 400, before anything is
 * read or written.
 */
public final class MergeInput {

    private static final Set<String> KEYS =
            Set.of("object", "survivorId", "mergedIds", "values", "version", "mergedVersions");

    private final JsonInput input;
    private final Set<String> flagged = new HashSet<>();

    private MergeInput(JsonInput input) {
        this.input = input;
    }

    public static MergeRequest read(JsonNode body, String ifMatch, Predicate<String> objectExists) {
        MergeInput reader = new MergeInput(JsonInput.of(body, KEYS));
        MergeRequest request = reader.request(body, ifMatch);
        check(request, objectExists).stream()
                .filter(e -> !reader.flagged.contains(e.field()))
                .forEach(e -> reader.input.error(e.field(), e.code(), e.args().toArray()));
        reader.input.finish();
        return request;
    }

    /** The problems of a request, whoever built it. */
    public static List<FieldError> check(MergeRequest request, Predicate<String> objectExists) {
        List<FieldError> errors = new ArrayList<>();
        if (request.object() != null && !objectExists.test(request.object())) {
            errors.add(FieldError.of("object", "unknown_object"));
        }
        if (request.survivorId() == null) {
            errors.add(FieldError.of("survivorId", "required"));
        }
        if (request.mergedIds().isEmpty()) {
            errors.add(FieldError.of("mergedIds", "required"));
        } else if (request.mergedIds().size() > MergeRequest.MAX_MERGED) {
            errors.add(FieldError.of("mergedIds", "too_many", MergeRequest.MAX_MERGED));
        } else if (request.mergedIds().contains(request.survivorId())) {
            errors.add(FieldError.of("mergedIds", "contains_survivor"));
        }
        if (!request.mergedIds().containsAll(request.mergedVersions().keySet())) {
            errors.add(FieldError.of("mergedVersions", "not_merged"));
        }
        return errors;
    }

    /** Throws the 400 of {@link #check} when there is a problem. */
    public static void require(MergeRequest request, Predicate<String> objectExists) {
        List<FieldError> errors = check(request, objectExists);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
    }

    private MergeRequest request(JsonNode body, String ifMatch) {
        String object = input.requiredText("object", 64);
        UUID survivor = uuid(body.get("survivorId"), "survivorId", "invalid_id");
        JsonNode values = input.node("values").orElse(null);
        if (values != null && !values.isObject()) {
            error("values", "invalid_type", "object");
            values = null;
        }
        Long version = input.optionalInt("version", 1, Integer.MAX_VALUE)
                .map(Integer::longValue)
                .orElse(null);
        if (ifMatch != null && !ifMatch.isBlank()) {
            version = parseVersion(ifMatch);
        }
        return new MergeRequest(object, survivor, mergedIds(body.get("mergedIds")), values, version, versions(body));
    }

    private List<UUID> mergedIds(JsonNode ids) {
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            error("mergedIds", "invalid_type", "array");
            return List.of();
        }
        Set<UUID> unique = new LinkedHashSet<>();
        ids.values().forEach(item -> unique.add(uuid(item, "mergedIds", "invalid_item")));
        unique.remove(null);
        return List.copyOf(unique);
    }

    private Map<UUID, Long> versions(JsonNode body) {
        JsonNode node = body.get("mergedVersions");
        Map<UUID, Long> versions = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return versions;
        }
        if (!node.isObject()) {
            error("mergedVersions", "invalid_type", "object");
            return versions;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            try {
                if (!entry.getValue().isIntegralNumber()) {
                    throw new IllegalArgumentException("not a version");
                }
                versions.put(UUID.fromString(entry.getKey()), entry.getValue().longValue());
            } catch (IllegalArgumentException e) {
                error("mergedVersions", "invalid_item");
                return versions;
            }
        }
        return versions;
    }

    private UUID uuid(JsonNode node, String field, String code) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(node.isString() ? node.stringValue() : "");
        } catch (IllegalArgumentException e) {
            error(field, code);
            return null;
        }
    }

    private void error(String field, String code, Object... args) {
        if (flagged.add(field)) {
            input.error(field, code, args);
        }
    }

    private static long parseVersion(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "invalid_version");
        }
    }
}
