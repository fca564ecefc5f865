package com.weavecrm.bench;

import java.util.Arrays;

/**
 * Entry point: {@code java -jar weave-bench/target/weave-bench.jar <command> [--option value ...]}.
 *
 * <ul>
 *   <li>{@code load --base URL --tenant T --user U --password P --scenario me|login --concurrency N
 *       --seconds S --warmup S}
 *   <li>{@code coldstart --jar weave-server.jar --runs N}
 * </ul>
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: load|coldstart [--option value ...]");
            System.exit(2);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "load" -> LoadRunner.run(options);
            case "coldstart" -> ColdStart.run(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }
}
