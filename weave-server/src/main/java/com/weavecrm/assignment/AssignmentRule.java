package com.weavecrm.assignment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One assignment rule: when {@code condition} (CEL over the lead) holds, {@code strategy} picks one
 * of the pool's available members. The pool is {@code members} plus the active users of {@code
 * orgUnitId} and the units below it (a territory finds its own pool from the lead's store or region).
 *
 * @param queue the queue's name (strategy {@code queue}), else null
 * @param dailyCap at most this many leads a day per member (counted over every assignment), null: no cap
 * @param workingHoursOnly members are skipped outside the tenant's working hours
 */
public record AssignmentRule(
        UUID id,
        String name,
        int position,
        boolean active,
        String condition,
        String strategy,
        String queue,
        UUID orgUnitId,
        List<Member> members,
        Integer dailyCap,
        boolean workingHoursOnly,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String ROUND_ROBIN = "round_robin";
    public static final String WEIGHTED = "weighted";
    public static final String LEAST_LOADED = "least_loaded";
    public static final String TERRITORY = "territory";
    public static final String QUEUE = "queue";
    public static final String OWNER_OF_EXISTING_CUSTOMER = "owner_of_existing_customer";

    public static final List<String> STRATEGIES =
            List.of(ROUND_ROBIN, WEIGHTED, LEAST_LOADED, TERRITORY, QUEUE, OWNER_OF_EXISTING_CUSTOMER);

    /** A member of the pool; the weight counts for the weighted strategy only. */
    public record Member(UUID userId, int weight) {}
}
