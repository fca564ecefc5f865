package com.weavecrm.platform.organisation;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.organisation.internal.SettingsRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The tenant's settings: any signed-in user reads them, the {@code settings} update right changes them. */
@Service
public class SettingsService {

    private static final Set<String> FIELDS = Set.of("name", "timezone", "currency", "defaultLocale");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final TenantTx tx;
    private final PermissionService permissions;
    private final SettingsRepository repository;
    private final AuditLog audit;
    private final MetadataService metadata;

    public SettingsService(
            TenantTx tx,
            PermissionService permissions,
            SettingsRepository repository,
            AuditLog audit,
            MetadataService metadata) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
        this.audit = audit;
        this.metadata = metadata;
    }

    public TenantSettings get(TenantContext ctx) {
        return tx.call(ctx, dsl -> repository.find(dsl, ctx.tenant())).orElseThrow(ApiException::notFound);
    }

    public void initialise(DSLContext dsl, TenantContext ctx, String tenantName) {
        repository.insert(dsl, ctx.tenant(), tenantName);
    }

    public TenantSettings update(TenantContext ctx, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        Optional<String> name = in.optionalText("name", 100);
        Optional<String> timezone = in.optionalText("timezone", 64);
        if (timezone.isPresent()) {
            try {
                ZoneId.of(timezone.get());
            } catch (DateTimeException e) {
                in.error("timezone", "invalid_timezone");
            }
        }
        Optional<String> currency = in.optionalMatching("currency", 3, CURRENCY);
        if (currency.isPresent()) {
            try {
                Currency.getInstance(currency.get());
            } catch (IllegalArgumentException e) {
                in.error("currency", "invalid_currency");
            }
        }
        Optional<String> locale = in.optionalMatching("defaultLocale", 5, UserService.LOCALE);
        in.finish();
        return tx.call(ctx, dsl -> {
            TenantSettings current = repository.find(dsl, ctx.tenant()).orElseThrow(ApiException::notFound);
            long expected = Versions.expected(ifMatch, current.version());
            TenantSettings changed = new TenantSettings(
                    name.orElse(current.name()),
                    timezone.orElse(current.timezone()),
                    currency.orElse(current.currency()),
                    locale.orElse(current.defaultLocale()),
                    current.version(),
                    current.updatedAt());
            if (!repository.update(dsl, ctx.tenant(), changed, expected)) {
                throw ApiException.staleVersion();
            }
            metadata.configurationChanged(dsl, ctx); // the time zone is cached with the configuration
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.UPDATE,
                    ObjectNames.SETTINGS,
                    null,
                    FieldChange.diff(values(current), values(changed)));
            return repository.find(dsl, ctx.tenant()).orElseThrow();
        });
    }

    private static Map<String, Object> values(TenantSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", settings.name());
        values.put("timezone", settings.timezone());
        values.put("currency", settings.currency());
        values.put("defaultLocale", settings.defaultLocale());
        return values;
    }
}
