package com.weavecrm.dedupe;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.dedupe.internal.BlockingKeys;
import com.weavecrm.dedupe.internal.DedupeRepository;
import com.weavecrm.dedupe.internal.Matcher;
import com.weavecrm.dedupe.internal.Profile;
import com.weavecrm.dedupe.internal.Profiles;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The real-time duplicate check: the records of an object (in the caller's data scope) that the given
 * values most likely describe, each with its score and the evidence for it.
 */
@Service
public class DuplicateFinder {

    /** An existing record the values match. */
    public record Match(UUID id, double score, List<Evidence> reasons) {}

    private static final int CANDIDATES = 50;
    private static final int MAX_MATCHES = 10;

    private final TenantTx tx;
    private final MetadataService metadata;
    private final PermissionService permissions;
    private final DedupeRepository repository;
    private final DedupeSettingsService settings;
    private final Profiles profiles;

    public DuplicateFinder(
            TenantTx tx,
            MetadataService metadata,
            PermissionService permissions,
            DedupeRepository repository,
            DedupeSettingsService settings,
            Profiles profiles) {
        this.tx = tx;
        this.metadata = metadata;
        this.permissions = permissions;
        this.repository = repository;
        this.settings = settings;
        this.profiles = profiles;
    }

    /** Matches of the values (field api name to value) among the caller's records of {@code object}. */
    public List<Match> check(TenantContext ctx, String object, Map<String, Object> values) {
        DedupeSettingsService.requireSupported(object);
        permissions.require(ctx, object, Action.READ);
        return tx.call(ctx, dsl -> find(dsl, ctx, metadata.object(ctx, object), values, null));
    }

    /** Matches inside an open transaction, leaving out the record {@code self} (null for a new one). */
    public List<Match> find(
            DSLContext dsl, TenantContext ctx, ObjectDef object, Map<String, Object> values, UUID self) {
        double threshold = settings.get(dsl, ctx, object.apiName()).threshold().doubleValue();
        Profile probe = profiles.of(self, values);
        Set<String> keys = BlockingKeys.of(probe);
        List<UUID> ids = new ArrayList<>(repository.sharingKeys(dsl, ctx.tenant(), object.apiName(), keys, CANDIDATES));
        ids.remove(self);
        if (ids.isEmpty()) {
            return List.of();
        }
        var scope = permissions.scope(ctx, object.apiName(), Action.READ, field(name("r", "owner_id"), UUID.class));
        List<Match> matches = new ArrayList<>();
        for (Map<String, Object> row : repository.identities(dsl, ctx.tenant(), object, ids, scope)) {
            Profile candidate = profiles.of((UUID) row.get("id"), row);
            List<Evidence> evidence = Matcher.compare(probe, candidate);
            double score = Matcher.score(evidence);
            if (score >= threshold) {
                matches.add(new Match(candidate.id(), score, evidence));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches.size() > MAX_MATCHES ? matches.subList(0, MAX_MATCHES) : matches;
    }

    /**
     * Files the record under its keys (or takes them away when {@code values} is null); {@code unfiled}:
     * the record has no keys yet, so there are none to take away first.
     */
    void file(
            DSLContext dsl, TenantContext ctx, ObjectDef object, UUID id, Map<String, Object> values, boolean unfiled) {
        if (unfiled && values != null) {
            repository.addKeys(
                    dsl, ctx.tenant(), object.apiName(), Map.of(id, BlockingKeys.of(profiles.of(id, values))));
            return;
        }
        repository.replaceKeys(
                dsl,
                ctx.tenant(),
                object.apiName(),
                id,
                values == null ? null : BlockingKeys.of(profiles.of(id, values)));
    }
}
