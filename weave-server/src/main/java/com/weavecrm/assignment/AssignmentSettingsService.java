package com.weavecrm.assignment;

import com.weavecrm.assignment.internal.AssignmentPeopleRepository;
import com.weavecrm.assignment.internal.AssignmentSettingsRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.VersionedCache;
import com.weavecrm.platform.organisation.RoleTemplates;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's assignment settings: the default queue's owner, whether an existing customer's owner
 * comes before the rules, and the working hours. Reading needs the {@code settings} read right,
 * changing them the update right; changes are audited.
 */
@Service
public class AssignmentSettingsService {

    public static final String AUDIT_OBJECT = "assignment_settings";
    private static final Set<String> FIELDS = Set.of("defaultOwnerId", "keepExistingOwner", "workingHours");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final TenantTx tx;
    private final PermissionService permissions;
    private final AssignmentSettingsRepository repository;
    private final AssignmentPeopleRepository people;
    private final SettingsService tenantSettings;
    private final AuditLog audit;
    private final MetadataService metadata;
    private final VersionedCache<AssignmentSettingsRepository.Stored> cached = new VersionedCache<>();
    private final VersionedCache<ZoneId> zones = new VersionedCache<>();

    public AssignmentSettingsService(
            TenantTx tx,
            PermissionService permissions,
            AssignmentSettingsRepository repository,
            AssignmentPeopleRepository people,
            SettingsService tenantSettings,
            AuditLog audit,
            MetadataService metadata) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
        this.people = people;
        this.tenantSettings = tenantSettings;
        this.audit = audit;
        this.metadata = metadata;
    }

    public AssignmentSettings get(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        return tx.call(ctx, dsl -> load(dsl, ctx));
    }

    /** The settings inside a transaction already open, with who the default queue gives leads to now. */
    AssignmentSettings load(DSLContext dsl, TenantContext ctx) {
        AssignmentSettingsRepository.Stored stored = repository.find(dsl, ctx.tenant());
        return settings(stored, defaultQueueOwner(dsl, ctx, stored));
    }

    /**
     * The settings as stored, cached by metadata version (every change moves it) — what an intake
     * decides with; who the default queue gives leads to now is {@link #defaultQueueOwner}, asked
     * only when a lead gets there.
     */
    AssignmentSettingsRepository.Stored stored(DSLContext dsl, TenantContext ctx) {
        return cached.get(ctx, () -> repository.find(dsl, ctx.tenant()));
    }

    /** Who the default queue gives leads to now: its owner while active, else the first administrator. */
    UUID defaultQueueOwner(DSLContext dsl, TenantContext ctx, AssignmentSettingsRepository.Stored stored) {
        return Optional.ofNullable(stored.defaultOwnerId())
                .filter(id -> Optional.ofNullable(
                                people.find(dsl, ctx.tenant(), List.of(id)).get(id))
                        .map(AssignmentPeopleRepository.Person::active)
                        .orElse(false))
                .or(() -> people.firstHolderOf(dsl, ctx.tenant(), RoleTemplates.TENANT_ADMIN))
                .orElse(null);
    }

    /** Working hours as the settings state them. */
    static AssignmentSettings.WorkingHours workingHours(AssignmentSettingsRepository.Stored stored) {
        return new AssignmentSettings.WorkingHours(
                stored.workingDays(), hhmm(stored.workFrom()), hhmm(stored.workTo()));
    }

    private static AssignmentSettings settings(AssignmentSettingsRepository.Stored stored, UUID owner) {
        return new AssignmentSettings(
                stored.defaultOwnerId(),
                owner,
                stored.keepExistingOwner(),
                workingHours(stored),
                stored.version(),
                stored.updatedAt());
    }

    /** The tenant's time zone (Asia/Shanghai when unset or unreadable). */
    ZoneId zone(TenantContext ctx) {
        return zones.get(ctx, () -> readZone(ctx));
    }

    private ZoneId readZone(TenantContext ctx) {
        try {
            return ZoneId.of(tenantSettings.get(ctx).timezone());
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    public AssignmentSettings update(TenantContext ctx, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        Optional<UUID> owner = in.optionalUuid("defaultOwnerId");
        Optional<Boolean> keep = in.optionalBoolean("keepExistingOwner");
        Optional<JsonNode> hours = in.node("workingHours");
        return tx.call(ctx, dsl -> {
            AssignmentSettingsRepository.Stored current = repository.find(dsl, ctx.tenant());
            long expected = IfMatch.expected(ifMatch, current.version());
            if (owner.isPresent()) {
                AssignmentPeopleRepository.Person person =
                        people.find(dsl, ctx.tenant(), List.of(owner.get())).get(owner.get());
                if (person == null || !person.active()) {
                    in.error("defaultOwnerId", "not_found");
                }
            }
            AssignmentSettingsRepository.Stored changed = new AssignmentSettingsRepository.Stored(
                    in.has("defaultOwnerId") ? owner.orElse(null) : current.defaultOwnerId(),
                    keep.orElse(current.keepExistingOwner()),
                    current.workingDays(),
                    current.workFrom(),
                    current.workTo(),
                    current.version(),
                    current.updatedAt());
            if (hours.isPresent()) {
                changed = withHours(in, hours.get(), changed);
            }
            in.finish();
            if (!repository.update(dsl, ctx.tenant(), changed, expected, ctx.userId())) {
                throw ApiException.staleVersion();
            }
            metadata.configurationChanged(dsl, ctx);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    AUDIT_OBJECT,
                    null,
                    FieldChange.diff(values(current), values(changed)));
            return load(dsl, ctx);
        });
    }

    private static AssignmentSettingsRepository.Stored withHours(
            JsonInput in, JsonNode hours, AssignmentSettingsRepository.Stored settings) {
        if (!hours.isObject()) {
            in.error("workingHours", "invalid_type", "object");
            return settings;
        }
        for (String key : hours.propertyNames()) {
            if (!Set.of("days", "from", "to").contains(key)) {
                in.error("workingHours." + key, "unknown_field");
            }
        }
        List<Integer> days = settings.workingDays();
        if (hours.has("days")) {
            TreeSet<Integer> given = new TreeSet<>();
            JsonNode list = hours.get("days");
            if (!list.isArray() || list.isEmpty()) {
                in.error("workingHours.days", "invalid_days");
            } else {
                for (JsonNode day : list.values()) {
                    if (!day.isIntegralNumber() || day.asInt() < 1 || day.asInt() > 7) {
                        in.error("workingHours.days", "invalid_days");
                        break;
                    }
                    given.add(day.asInt());
                }
                days = List.copyOf(given);
            }
        }
        LocalTime from = time(in, hours, "from", settings.workFrom());
        LocalTime to = time(in, hours, "to", settings.workTo());
        if (from != null && to != null && !from.isBefore(to)) {
            in.error("workingHours.to", "not_after_from");
        }
        return new AssignmentSettingsRepository.Stored(
                settings.defaultOwnerId(),
                settings.keepExistingOwner(),
                days,
                from,
                to,
                settings.version(),
                settings.updatedAt());
    }

    private static LocalTime time(JsonInput in, JsonNode hours, String key, LocalTime current) {
        if (!hours.has(key)) {
            return current;
        }
        JsonNode value = hours.get(key);
        if (!value.isString() || !TIME.matcher(value.asString()).matches()) {
            in.error("workingHours." + key, "invalid_time");
            return null;
        }
        try {
            return LocalTime.parse(value.asString());
        } catch (DateTimeParseException e) {
            in.error("workingHours." + key, "invalid_time");
            return null;
        }
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    private static Map<String, Object> values(AssignmentSettingsRepository.Stored settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(
                "defaultOwnerId",
                settings.defaultOwnerId() == null
                        ? null
                        : settings.defaultOwnerId().toString());
        values.put("keepExistingOwner", settings.keepExistingOwner());
        values.put("workingHours.days", settings.workingDays());
        values.put("workingHours.from", settings.workFrom() == null ? null : hhmm(settings.workFrom()));
        values.put("workingHours.to", settings.workTo() == null ? null : hhmm(settings.workTo()));
        return values;
    }
}
