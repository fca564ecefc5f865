package com.weavecrm.dedupe.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups of records linked by pairs (union-find); a pair is two record numbers packed in a long. */
public final class Groups {

    private Groups() {}

    /** Root number → members, for groups of two or more. */
    public static Map<Integer, List<Integer>> of(int size, Collection<Long> pairs) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        for (long pair : pairs) {
            int x = root(parent, (int) (pair >>> 32));
            int y = root(parent, (int) pair);
            if (x != y) {
                parent[x] = y;
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < size; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        groups.values().removeIf(g -> g.size() < 2);
        return groups;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
