package com.weavecrm.dedupe.internal;

import com.weavecrm.dedupe.Evidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development aid: scores the matcher on a shared dataset and prints mistakes ({@code cn|febrl file [n]}). */
public final class DedupeEvaluation {

    public static void main(String[] args) throws Exception {
        DedupeDatasets.Dataset d = args[0].equals("cn")
                ? DedupeDatasets.chinese(Path.of(args[1]))
                : DedupeDatasets.febrl(Path.of(args[1]));
        int show = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        double threshold = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        List<Profile> profiles = DedupeDatasets.profiles(d);
        long t0 = System.nanoTime();
        List<long[]> pairs = new ArrayList<>();
        List<PairFinder.Pair> found = new ArrayList<>();
        PairFinder finder = new PairFinder(threshold, 200);
        finder.find(profiles, p -> {
            pairs.add(new long[] {p.a(), p.b()});
            found.add(p);
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("compared " + finder.compared() + ", pairs " + pairs.size() + " in " + ms + " ms: "
                + DedupeDatasets.score(d, pairs));
        List<Long> packed = pairs.stream().map(p -> (p[0] << 32) | p[1]).toList();
        java.util.Map<Integer, List<Integer>> groups = Groups.of(profiles.size(), packed);
        List<long[]> closed = new ArrayList<>();
        for (List<Integer> g : groups.values())
            for (int i = 0; i < g.size(); i++)
                for (int j = i + 1; j < g.size(); j++) closed.add(new long[] {g.get(i), g.get(j)});
        System.out.println("closure " + closed.size() + ": " + DedupeDatasets.score(d, closed));
        int fp = 0;
        for (PairFinder.Pair p : found) {
            if (!d.entities().get(p.a()).equals(d.entities().get(p.b())) && fp++ < show) {
                System.out.println("FP " + p.score() + " " + d.values().get(p.a()) + "\n   "
                        + d.values().get(p.b()) + "\n   " + p.evidence());
            }
        }
        java.util.Set<Long> got = new java.util.HashSet<>();
        closed.forEach(p -> got.add((Math.min(p[0], p[1]) << 32) | Math.max(p[0], p[1])));
        int fn = 0;
        for (int a = 0; a < profiles.size() && fn < show; a++) {
            for (int b = a + 1; b < profiles.size() && fn < show; b++) {
                if (d.entities().get(a).equals(d.entities().get(b)) && !got.contains(((long) a << 32) | b)) {
                    List<Evidence> e = Matcher.compare(profiles.get(a), profiles.get(b));
                    fn++;
                    System.out.println("FN " + Matcher.score(e) + " "
                            + d.values().get(a) + "\n   " + d.values().get(b) + "\n   " + e);
                }
            }
        }
    }
}
