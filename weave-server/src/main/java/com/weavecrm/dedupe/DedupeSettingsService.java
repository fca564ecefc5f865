package com.weavecrm.dedupe;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.dedupe.internal.SettingRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Reads and changes the tenant's duplicate settings per object (changing them is an admin's right). */
@Service
public class DedupeSettingsService {

    /** The objects duplicates are looked for in. */
    public static final Set<String> OBJECTS = Set.of("customer", "contact", "lead");

    private static final BigDecimal LOWEST = BigDecimal.ONE;
    private static final BigDecimal HIGHEST = new BigDecimal("30");

    private record Key(UUID tenant, String object) {}

    /** Other nodes see a change within this long. */
    private static final Duration CACHED = Duration.ofSeconds(10);

    private final Cache<Key, DedupeSettings> cache =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHED).build();
    private final TenantTx tx;
    private final SettingRepository repository;
    private final PermissionService permissions;
    private final AuditLog audit;

    public DedupeSettingsService(
            TenantTx tx, SettingRepository repository, PermissionService permissions, AuditLog audit) {
        this.tx = tx;
        this.repository = repository;
        this.permissions = permissions;
        this.audit = audit;
    }

    public DedupeSettings get(TenantContext ctx, String object) {
        requireSupported(object);
        permissions.require(ctx, object, Action.READ);
        return tx.call(ctx, dsl -> get(dsl, ctx, object));
    }

    /** The settings inside an open transaction; cached for a few seconds, as every write of a customer asks. */
    DedupeSettings get(DSLContext dsl, TenantContext ctx, String object) {
        return cache.get(new Key(ctx.tenant().id(), object), k -> read(dsl, ctx, object));
    }

    private DedupeSettings read(DSLContext dsl, TenantContext ctx, String object) {
        return repository
                .find(dsl, ctx.tenant(), object)
                .map(s -> new DedupeSettings(
                        object,
                        s.threshold(),
                        DedupeSettings.OnWrite.valueOf(s.onWrite().toUpperCase(Locale.ROOT)),
                        s.version()))
                .orElseGet(() -> DedupeSettings.defaults(object));
    }

    public DedupeSettings update(TenantContext ctx, String object, BigDecimal threshold, String onWrite) {
        requireSupported(object);
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        List<FieldError> errors = new ArrayList<>();
        if (threshold == null || threshold.compareTo(LOWEST) < 0 || threshold.compareTo(HIGHEST) > 0) {
            errors.add(FieldError.of("threshold", "out_of_range", LOWEST, HIGHEST));
        }
        DedupeSettings.OnWrite mode = parseMode(onWrite, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return tx.call(ctx, dsl -> {
            DedupeSettings before = read(dsl, ctx, object);
            repository.save(dsl, ctx.tenant(), object, threshold, mode.name().toLowerCase(Locale.ROOT), ctx.userId());
            DedupeSettings after = read(dsl, ctx, object);
            cache.invalidate(new Key(ctx.tenant().id(), object));
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    ObjectNames.SETTINGS,
                    null,
                    List.of(
                            new FieldChange("dedupe." + object + ".threshold", before.threshold(), after.threshold()),
                            new FieldChange(
                                    "dedupe." + object + ".onWrite",
                                    before.onWrite().apiName(),
                                    after.onWrite().apiName())));
            return after;
        });
    }

    private static DedupeSettings.OnWrite parseMode(String onWrite, List<FieldError> errors) {
        try {
            return DedupeSettings.OnWrite.valueOf(String.valueOf(onWrite).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("onWrite", "invalid_value", "off, warn, block"));
            return null;
        }
    }

    static void requireSupported(String object) {
        if (!OBJECTS.contains(object)) {
            throw ApiException.badRequest("object", "not_supported", String.join(", ", OBJECTS));
        }
    }
}
