package com.weavecrm.pool.internal;

import com.weavecrm.platform.web.JsonInput;
import com.weavecrm.pool.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A pool's settings from a JSON body: every problem is collected (call {@link JsonInput#finish()}
 * after the checks that need the database). A PATCH changes only the keys it gives; the object of
 * a pool is fixed once created.
 */
public final class PoolInput {

    public static final int DEFAULT_DAILY_CLAIM_LIMIT = 20;
    public static final int MAX_CONDITION_LENGTH = 4_000;
    private static final Set<String> FIELDS = Set.of(
            "name",
            "object",
            "condition",
            "inactiveDays",
            "claimRoles",
            "claimUnits",
            "dailyClaimLimit",
            "previousOwnerWaitDays",
            "active");

    private PoolInput() {}

    public static JsonInput of(JsonNode body) {
        return JsonInput.of(body, FIELDS);
    }

    /** The pool {@code body} describes: a new one with {@code id} when {@code current} is null, else {@code current} changed. */
    public static Pool read(JsonInput in, Pool current, UUID id) {
        boolean create = current == null;
        String name = create || in.has("name") ? in.requiredText("name", 100) : current.name();
        String object = create ? in.requiredText("object", 20) : current.object();
        if (create && object != null && !Pool.OBJECTS.contains(object)) {
            in.error("object", "invalid_value");
        }
        if (!create
                && in.has("object")
                && !current.object().equals(in.optionalText("object", 20).orElse(null))) {
            in.error("object", "immutable");
        }
        String condition = in.has("condition") || create
                ? in.optionalText("condition", MAX_CONDITION_LENGTH).orElse(null)
                : current.condition();
        Optional<Integer> inactiveDays = in.optionalInt("inactiveDays", 1, 3650);
        if (create && inactiveDays.isEmpty() && !in.has("inactiveDays")) {
            in.error("inactiveDays", "required");
        }
        List<String> roles =
                in.has("claimRoles") || create ? in.stringList("claimRoles", 50, 41) : current.claimRoles();
        List<UUID> units = in.has("claimUnits") || create ? units(in) : current.claimUnits();
        int dailyLimit = in.optionalInt("dailyClaimLimit", 1, 10_000)
                .orElse(create ? DEFAULT_DAILY_CLAIM_LIMIT : current.dailyClaimLimit());
        int wait =
                in.optionalInt("previousOwnerWaitDays", 0, 3650).orElse(create ? 0 : current.previousOwnerWaitDays());
        boolean active = in.optionalBoolean("active").orElse(create || current.active());
        return new Pool(
                create ? id : current.id(),
                name,
                object,
                condition,
                inactiveDays.orElse(create ? 0 : current.inactiveDays()),
                roles,
                units,
                dailyLimit,
                wait,
                active,
                create ? 1 : current.version(),
                create ? null : current.createdAt(),
                create ? null : current.updatedAt());
    }

    private static List<UUID> units(JsonInput in) {
        List<UUID> ids = new ArrayList<>();
        for (String text : in.stringList("claimUnits", 200, 36)) {
            try {
                ids.add(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                in.error("claimUnits", "invalid_item");
                return List.of();
            }
        }
        return ids;
    }
}
