package com.weavecrm.dedupe;

import com.weavecrm.dedupe.internal.DedupeRepository;
import com.weavecrm.dedupe.internal.Groups;
import com.weavecrm.dedupe.internal.Matcher;
import com.weavecrm.dedupe.internal.Profile;
import com.weavecrm.dedupe.internal.Profiles;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Compares candidate pairs chunk by chunk (loading the records' profiles as needed, keeping the most
 * recent in memory) and groups the duplicates: when A matches B and B matches C, A and C are reported
 * too, linked through B — for groups of up to {@value #LARGEST_GROUP} records.
 */
final class PairCollector {

    private static final int CHUNK = 20_000;
    private static final int LOAD = 5_000;
    private static final int CACHE = 200_000;
    private static final int MAX_BLOCK = 200;
    private static final int LARGEST_GROUP = 20;
    private static final Profile ABSENT = new Profile(null, null, null, List.of(), null, null, null, null, null);

    private final Profiles profiles;
    private final double threshold;
    private final Map<UUID, Profile> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Profile> eldest) {
            return size() > CACHE;
        }
    };
    private final Map<Long, DedupeScans.Pair> direct = new HashMap<>();
    private final Map<Long, DedupeScans.Pair> linked = new HashMap<>();
    private final Map<UUID, Integer> index = new HashMap<>();
    private final List<UUID> ids = new ArrayList<>();
    private final Set<UUID> seen = new HashSet<>();
    private long compared;

    PairCollector(Profiles profiles, double threshold) {
        this.profiles = profiles;
        this.threshold = threshold;
    }

    long compared() {
        return compared;
    }

    int records() {
        return seen.size();
    }

    void compare(DSLContext dsl, TenantContext ctx, ObjectDef object, DedupeRepository repository, Condition scope) {
        List<UUID[]> chunk = new ArrayList<>(CHUNK);
        repository.candidatePairs(dsl, ctx.tenant(), object.apiName(), MAX_BLOCK, (a, b) -> {
            chunk.add(new UUID[] {a, b});
            if (chunk.size() == CHUNK) {
                compareChunk(dsl, ctx, object, repository, scope, chunk);
                chunk.clear();
            }
        });
        compareChunk(dsl, ctx, object, repository, scope, chunk);
        addLinked(dsl, ctx, object, repository, scope);
    }

    private void compareChunk(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            DedupeRepository repository,
            Condition scope,
            List<UUID[]> chunk) {
        Set<UUID> missing = new HashSet<>();
        for (UUID[] pair : chunk) {
            for (UUID id : pair) {
                if (!cache.containsKey(id)) {
                    missing.add(id);
                }
            }
        }
        load(dsl, ctx, object, repository, scope, missing);
        for (UUID[] pair : chunk) {
            Profile a = cache.get(pair[0]);
            Profile b = cache.get(pair[1]);
            if (a == null || b == null || a == ABSENT || b == ABSENT) {
                continue;
            }
            compared++;
            var evidence = Matcher.compare(a, b);
            double score = Matcher.score(evidence);
            if (score >= threshold) {
                direct.put(
                        key(number(a.id()), number(b.id())),
                        new DedupeScans.Pair(a.id(), b.id(), score, evidence, null));
            }
        }
    }

    private void load(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            DedupeRepository repository,
            Condition scope,
            Set<UUID> wanted) {
        List<UUID> batch = new ArrayList<>(LOAD);
        for (UUID id : wanted) {
            batch.add(id);
            if (batch.size() == LOAD) {
                loadBatch(dsl, ctx, object, repository, scope, batch);
                batch.clear();
            }
        }
        loadBatch(dsl, ctx, object, repository, scope, batch);
    }

    private void loadBatch(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            DedupeRepository repository,
            Condition scope,
            List<UUID> batch) {
        if (batch.isEmpty()) {
            return;
        }
        batch.forEach(id -> cache.put(id, ABSENT));
        for (Map<String, Object> row : repository.identities(dsl, ctx.tenant(), object, batch, scope)) {
            UUID id = (UUID) row.get("id");
            cache.put(id, profiles.of(id, row));
            seen.add(id);
        }
    }

    /** Pairs inside each group that did not match directly, with their own evidence and the record linking them. */
    private void addLinked(
            DSLContext dsl, TenantContext ctx, ObjectDef object, DedupeRepository repository, Condition scope) {
        Map<Integer, List<Integer>> groups = Groups.of(ids.size(), direct.keySet());
        Set<UUID> missing = new HashSet<>();
        groups.values()
                .forEach(g -> g.forEach(i -> {
                    if (!cache.containsKey(ids.get(i)) || cache.get(ids.get(i)) == ABSENT) {
                        missing.add(ids.get(i));
                    }
                }));
        load(dsl, ctx, object, repository, scope, missing);
        for (List<Integer> group : groups.values()) {
            if (group.size() < 3 || group.size() > LARGEST_GROUP) {
                continue;
            }
            for (int x = 0; x < group.size(); x++) {
                for (int y = x + 1; y < group.size(); y++) {
                    long k = key(group.get(x), group.get(y));
                    if (!direct.containsKey(k)) {
                        link(group, group.get(x), group.get(y), k);
                    }
                }
            }
        }
    }

    private void link(List<Integer> group, int x, int y, long k) {
        Profile a = cache.get(ids.get(x));
        Profile b = cache.get(ids.get(y));
        if (a == null || b == null || a == ABSENT || b == ABSENT) {
            return;
        }
        UUID via = null;
        for (int z : group) {
            if (direct.containsKey(key(x, z)) && direct.containsKey(key(z, y))) {
                via = ids.get(z);
                break;
            }
        }
        if (via == null) {
            via = group.stream()
                    .filter(z -> z != x && z != y)
                    .findFirst()
                    .map(ids::get)
                    .orElse(null);
        }
        var evidence = Matcher.compare(a, b);
        linked.put(k, new DedupeScans.Pair(a.id(), b.id(), Math.max(Matcher.score(evidence), 0), evidence, via));
    }

    List<DedupeScans.Pair> grouped() {
        List<DedupeScans.Pair> all = new ArrayList<>(direct.values());
        all.addAll(linked.values());
        return all;
    }

    private int number(UUID id) {
        return index.computeIfAbsent(id, k -> {
            ids.add(k);
            return ids.size() - 1;
        });
    }

    private static long key(int x, int y) {
        return ((long) Math.min(x, y) << 32) | Math.max(x, y);
    }
}
