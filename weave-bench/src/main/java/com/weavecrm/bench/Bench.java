package com.weavecrm.bench;

import java.util.Arrays;

/**
 * Entry point: {@code java -jar weave-bench/target/weave-bench.jar <command> [--option value ...]}.
 *
 * <ul>
 *   <li>{@code suite --name smoke|sf1|peer [--data-dir D] [--port P] [--regenerate true]}: start the
 *       server, generate or reuse the suite's tenant, run its scenarios and baselines, write the report
 *   <li>{@code generate --password P (--data-dir D | --jdbc URL) [--base URL] [--tenant T] [--sf 1]
 *       [--seed 42] [--as-of yyyy-mm-dd] [--replace true]}: load generated data into a running server
 *   <li>{@code coldstart --jar weave-server.jar --runs N}: time the server's start
 *   <li>{@code jmh [JMH options]}: the micro-benchmarks of the product's hot code
 * </ul>
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: suite|generate|coldstart|jmh [--option value ...]");
            System.exit(2);
        }
        Options options = args[0].equals("jmh") ? null : Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "suite" -> Suite.run(options);
            case "generate" -> Generate.run(options);
            case "coldstart" -> ColdStart.run(options);
            case "jmh" -> org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }
}
