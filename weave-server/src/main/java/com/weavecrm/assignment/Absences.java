package com.weavecrm.assignment;

import com.weavecrm.assignment.internal.AssignmentAbsenceRepository;
import com.weavecrm.assignment.internal.AssignmentPeopleRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Absences (leave, training, …): while one lasts, no rule gives the user leads. {@code from} and
 * {@code to} are ISO date-times with offset, or dates in the tenant's time zone ({@code to} as a date
 * includes that whole day). Reading needs the {@code settings} read right, changing the update right.
 */
@Service
public class Absences {

    public static final String AUDIT_OBJECT = "assignment_absence";
    private static final Set<String> FIELDS = Set.of("userId", "from", "to", "note");
    private static final int MAX_LISTED = 500;

    private final TenantTx tx;
    private final PermissionService permissions;
    private final AssignmentAbsenceRepository repository;
    private final AssignmentPeopleRepository people;
    private final AssignmentSettingsService settings;
    private final AuditLog audit;
    private final Clock clock;

    public Absences(
            TenantTx tx,
            PermissionService permissions,
            AssignmentAbsenceRepository repository,
            AssignmentPeopleRepository people,
            AssignmentSettingsService settings,
            AuditLog audit,
            Clock clock) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
        this.people = people;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Current and coming absences (of one user when given), soonest first. */
    public List<Absence> list(TenantContext ctx, UUID userId) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> repository.list(dsl, ctx.tenant(), userId, OffsetDateTime.now(clock), MAX_LISTED));
    }

    public Absence create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        Optional<UUID> userId = in.optionalUuid("userId");
        if (userId.isEmpty() && !in.has("userId")) {
            in.error("userId", "required");
        }
        String from = in.requiredText("from", 40);
        String to = in.requiredText("to", 40);
        String note = in.optionalText("note", 200).orElse(null);
        ZoneId zone = settings.zone(ctx);
        OffsetDateTime start = from == null ? null : instant(in, "from", from, zone, false);
        OffsetDateTime end = to == null ? null : instant(in, "to", to, zone, true);
        if (start != null && end != null && !end.isAfter(start)) {
            in.error("to", "not_after_from");
        }
        return tx.call(ctx, dsl -> {
            if (userId.isPresent()
                    && people.find(dsl, ctx.tenant(), List.of(userId.get())).isEmpty()) {
                in.error("userId", "not_found");
            }
            in.finish();
            Absence absence = new Absence(UUID.randomUUID(), userId.get(), start, end, note);
            repository.insert(dsl, ctx.tenant(), absence, ctx.userId());
            audit.record(
                    dsl, ctx, AuditAction.CREATE, AUDIT_OBJECT, absence.id(), FieldChange.created(values(absence)));
            return repository.find(dsl, ctx.tenant(), absence.id()).orElseThrow();
        });
    }

    public void delete(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        tx.run(ctx, dsl -> {
            Absence absence = repository.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            repository.delete(dsl, ctx.tenant(), id);
            Map<String, Object> gone = new LinkedHashMap<>();
            values(absence).keySet().forEach(k -> gone.put(k, null));
            audit.record(dsl, ctx, AuditAction.DELETE, AUDIT_OBJECT, id, FieldChange.diff(values(absence), gone));
        });
    }

    /** A date-time with offset, or a date: its start (or, for an end, the start of the next day) in the zone. */
    private static OffsetDateTime instant(JsonInput in, String field, String value, ZoneId zone, boolean end) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toOffsetDateTime();
            } catch (DateTimeParseException notDate) {
                in.error(field, "invalid_datetime");
                return null;
            }
        }
    }

    private static Map<String, Object> values(Absence absence) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("userId", absence.userId().toString());
        values.put("from", absence.from().toString());
        values.put("to", absence.to().toString());
        values.put("note", absence.note());
        return values;
    }
}
