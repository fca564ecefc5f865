package com.weavecrm.bench.data;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints what the load is doing and keeps how long each step took, for the report. */
final class Progress {

    /** A step that may fail with a database error. */
    interface Step {
        void run() throws SQLException;
    }

    private final PrintStream out;
    private final long started = System.nanoTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    Progress(PrintStream out) {
        this.out = out;
    }

    void timed(String name, Step step) throws SQLException {
        long start = System.nanoTime();
        step.run();
        double took = (System.nanoTime() - start) / 1e9;
        seconds.merge(name.length() > 120 ? name.substring(0, 120) + "…" : name, took, Double::sum);
        if (took >= 0.5) {
            out.printf("  %6.1f s  %s (%.1f s)%n", elapsed(), shorten(name), took);
        }
    }

    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    Map<String, Double> steps() {
        return seconds;
    }

    private static String shorten(String name) {
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }
}
