package com.weavecrm.dedupe;

import com.weavecrm.dedupe.internal.BlockingKeys;
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
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Compares the records of every key block (the records filed under one key) and groups the
 * duplicates: when A matches B and B matches C, A and C are reported too, linked through B — for
 * groups of up to {@value #LARGEST_GROUP} records.
 *
 * <p>The key index is read once, in key order. Blocks are compared a chunk at a time, with the
 * chunk's profiles loaded in one query and the most recent kept in memory, so memory stays bounded
 * whatever the size of the object. A pair filed under several common keys is compared once: in the
 * block of the first of those keys (in string order) that is not oversized.
 */
final class PairCollector {

    private static final int CHUNK = 20_000;
    private static final int LOAD = 5_000;
    private static final int CACHE = 150_000;
    private static final int MAX_BLOCK = 200;
    private static final int LARGEST_GROUP = 20;

    /** A record as compared: its profile and the keys it is filed under; null profile when out of scope. */
    private record Candidate(Profile profile, Set<String> keys) {}

    private static final Candidate ABSENT = new Candidate(null, Set.of());

    private final Profiles profiles;
    private final double threshold;
    private final Map<UUID, Candidate> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Candidate> eldest) {
            return size() > CACHE;
        }
    };
    private final Map<Long, DedupeScans.Pair> direct = new HashMap<>();
    private final Map<Long, DedupeScans.Pair> linked = new HashMap<>();
    private final Map<UUID, Integer> index = new HashMap<>();
    private final List<UUID> ids = new ArrayList<>();
    private final List<Map.Entry<String, List<UUID>>> pending = new ArrayList<>();
    private final Consumer<PairCollector> progress;
    private Set<String> oversized = Set.of();
    private int pendingMembers;
    private long compared;

    /** {@code progress} is told after every chunk. */
    PairCollector(Profiles profiles, double threshold, Consumer<PairCollector> progress) {
        this.profiles = profiles;
        this.threshold = threshold;
        this.progress = progress;
    }

    long compared() {
        return compared;
    }

    int found() {
        return direct.size();
    }

    void compare(DSLContext dsl, TenantContext ctx, ObjectDef object, DedupeRepository repository, Condition scope) {
        oversized = repository.oversizedKeys(dsl, ctx.tenant(), object.apiName(), MAX_BLOCK);
        Loader loader = wanted -> load(dsl, ctx, object, repository, scope, wanted);
        repository.keyBlocks(dsl, ctx.tenant(), object.apiName(), MAX_BLOCK, (key, members) -> {
            pending.add(Map.entry(key, members));
            pendingMembers += members.size();
            if (pendingMembers >= CHUNK) {
                comparePending(loader);
            }
        });
        comparePending(loader);
        addLinked(loader);
    }

    private interface Loader {
        void load(Set<UUID> wanted);
    }

    private void comparePending(Loader loader) {
        // get (not containsKey) marks a cached record as recently used, so loading the chunk's missing
        // records cannot evict it before its blocks are compared (the cache holds more than a chunk)
        Set<UUID> missing = new HashSet<>();
        pending.forEach(block ->
                block.getValue().stream().filter(id -> cache.get(id) == null).forEach(missing::add));
        loader.load(missing);
        for (Map.Entry<String, List<UUID>> block : pending) {
            compareBlock(block.getKey(), block.getValue());
        }
        pending.clear();
        pendingMembers = 0;
        progress.accept(this);
    }

    private void compareBlock(String key, List<UUID> members) {
        for (int x = 0; x < members.size(); x++) {
            Candidate a = cache.get(members.get(x));
            if (a == null || a == ABSENT) {
                continue;
            }
            for (int y = x + 1; y < members.size(); y++) {
                Candidate b = cache.get(members.get(y));
                if (b != null && b != ABSENT && firstCommonKey(a, b, key)) {
                    score(a.profile(), b.profile());
                }
            }
        }
    }

    /**
     * Whether {@code key} is the first usable key the two records share, so the pair is compared here
     * and nowhere else. Keys filed by an older version of the keys (not those the profile gives now)
     * are compared wherever they meet.
     */
    private boolean firstCommonKey(Candidate a, Candidate b, String key) {
        if (!a.keys().contains(key) || !b.keys().contains(key)) {
            return true;
        }
        for (String other : a.keys()) {
            if (other.compareTo(key) < 0 && b.keys().contains(other) && !oversized.contains(other)) {
                return false;
            }
        }
        return true;
    }

    private void score(Profile a, Profile b) {
        compared++;
        var evidence = Matcher.compare(a, b);
        double score = Matcher.score(evidence);
        if (score >= threshold) {
            direct.put(
                    key(number(a.id()), number(b.id())), new DedupeScans.Pair(a.id(), b.id(), score, evidence, null));
        }
    }

    private void load(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            DedupeRepository repository,
            Condition scope,
            Set<UUID> wanted) {
        List<UUID> all = new ArrayList<>(wanted);
        for (int from = 0; from < all.size(); from += LOAD) {
            List<UUID> batch = all.subList(from, Math.min(all.size(), from + LOAD));
            batch.forEach(id -> cache.put(id, ABSENT));
            for (Map<String, Object> row : repository.identities(dsl, ctx.tenant(), object, batch, scope)) {
                UUID id = (UUID) row.get("id");
                Profile profile = profiles.of(id, row);
                cache.put(id, new Candidate(profile, BlockingKeys.of(profile)));
            }
        }
    }

    /** Pairs inside each group that did not match directly, with their own evidence and the record linking them. */
    private void addLinked(Loader loader) {
        Map<Integer, List<Integer>> groups = Groups.of(ids.size(), direct.keySet());
        Set<UUID> missing = new HashSet<>();
        groups.values()
                .forEach(g -> g.stream()
                        .map(ids::get)
                        .filter(id -> cache.get(id) == null || cache.get(id) == ABSENT)
                        .forEach(missing::add));
        loader.load(missing);
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
        Candidate a = cache.get(ids.get(x));
        Candidate b = cache.get(ids.get(y));
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
        var evidence = Matcher.compare(a.profile(), b.profile());
        linked.put(
                k,
                new DedupeScans.Pair(
                        a.profile().id(), b.profile().id(), Math.max(Matcher.score(evidence), 0), evidence, via));
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
