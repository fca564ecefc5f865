package com.weavecrm.assignment;

import com.weavecrm.assignment.internal.AssignmentAbsenceRepository;
import com.weavecrm.assignment.internal.AssignmentTurnRepository;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Who can take a lead now: not left, not on leave, inside working hours when the rule asks, under the
 * rule's daily cap. Taking a lead counts it for the day (atomically, so a cap holds under concurrent
 * intakes); a dry run only reads.
 */
final class Availability {

    private final DSLContext dsl;
    private final Tenant tenant;
    private final AssignmentAbsenceRepository absences;
    private final AssignmentTurnRepository turns;
    private final ZonedDateTime now;
    private final boolean working;
    private final boolean dryRun;

    Availability(
            DSLContext dsl,
            Tenant tenant,
            AssignmentAbsenceRepository absences,
            AssignmentTurnRepository turns,
            ZonedDateTime now,
            AssignmentSettings.WorkingHours hours,
            boolean dryRun) {
        this.dsl = dsl;
        this.tenant = tenant;
        this.absences = absences;
        this.turns = turns;
        this.now = now;
        this.dryRun = dryRun;
        LocalTime time = now.toLocalTime();
        this.working = hours.days().contains(now.getDayOfWeek().getValue())
                && !time.isBefore(LocalTime.parse(hours.from()))
                && time.isBefore(LocalTime.parse(hours.to()));
    }

    boolean workingHours() {
        return working;
    }

    LocalDate day() {
        return now.toLocalDate();
    }

    /**
     * The first candidate, in the order given, who is available and could be counted for the day;
     * those passed over are listed with why ({@code left}, {@code on_leave}, {@code outside_working_hours},
     * {@code capped}).
     */
    Optional<Candidate> first(
            List<Candidate> ordered, Integer cap, boolean workingHoursOnly, List<Map<String, Object>> skipped) {
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> ids = ordered.stream().map(Candidate::id).toList();
        Set<UUID> away = absences.away(dsl, tenant, ids, now.toOffsetDateTime());
        Map<UUID, Integer> today = cap == null ? Map.of() : turns.assigned(dsl, tenant, ids, day());
        for (Candidate candidate : ordered) {
            String why = !candidate.active()
                    ? "left"
                    : away.contains(candidate.id())
                            ? "on_leave"
                            : workingHoursOnly && !working
                                    ? "outside_working_hours"
                                    : cap != null && today.getOrDefault(candidate.id(), 0) >= cap ? "capped" : null;
            if (why == null && !take(candidate, cap)) {
                why = "capped";
            }
            if (why == null) {
                return Optional.of(candidate);
            }
            skipped.add(skip(candidate, why, cap == null ? null : today.getOrDefault(candidate.id(), cap)));
        }
        return Optional.empty();
    }

    /** Counts the lead for the user's day (no cap: always); false when the cap was reached meanwhile. */
    boolean take(Candidate candidate, Integer cap) {
        return dryRun || turns.take(dsl, tenant, candidate.id(), day(), cap).isPresent();
    }

    /** Whether the user is away now (for the existing customer's owner). */
    boolean away(UUID user) {
        return absences.away(dsl, tenant, List.of(user), now.toOffsetDateTime()).contains(user);
    }

    /** One code for why nobody of a pool was available: the shared reason, or {@code no_member_available}. */
    static String nobody(List<Map<String, Object>> skipped) {
        List<Object> reasons = new ArrayList<>(
                skipped.stream().map(s -> s.get("why")).distinct().toList());
        if (reasons.size() != 1) {
            return "no_member_available";
        }
        return switch ((String) reasons.getFirst()) {
            case "capped" -> "all_members_capped";
            case "on_leave" -> "all_members_on_leave";
            case "left" -> "all_members_left";
            case "outside_working_hours" -> "outside_working_hours";
            default -> "no_member_available";
        };
    }

    private static Map<String, Object> skip(Candidate candidate, String why, Integer assignedToday) {
        Map<String, Object> skip = new LinkedHashMap<>();
        skip.put("userId", candidate.id());
        skip.put("name", candidate.name());
        skip.put("why", why);
        if ("capped".equals(why) && assignedToday != null) {
            skip.put("assignedToday", assignedToday);
        }
        return skip;
    }
}
