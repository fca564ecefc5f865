package com.weavecrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report says about the machine and the database the figures come from. */
final class Machine {

    private static final List<String> TABLES =
            List.of("r_customer", "r_contact", "r_lead", "r_deal", "r_activity", "r_task", "r_store", "app_user");

    private Machine() {}

    static List<String> loadAverage() {
        try {
            return List.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                    .subList(0, 3);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static Map<String, Object> describe(List<String> loadBefore) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put(
                "memoryGb",
                Math.round(((com.sun.management.OperatingSystemMXBean)
                                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                                        .getTotalMemorySize()
                                / 1e8)
                        / 10.0);
        machine.put("cpu", cpuModel());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("serverJvmFlags", String.join(" ", ServerProcess.JVM_FLAGS));
        machine.put("loadAverageBefore", String.join(" ", loadBefore));
        machine.put("loadAverageAfter", String.join(" ", loadAverage()));
        return machine;
    }

    static Map<String, Object> database(Connection db, String schema) throws Exception {
        Map<String, Object> database = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select current_setting('server_version'),"
                        + " current_setting('shared_buffers'), pg_size_pretty(pg_database_size(current_database()))")) {
            rows.next();
            database.put("postgres", rows.getString(1));
            database.put("sharedBuffers", rows.getString(2));
            database.put("size", rows.getString(3));
        }
        database.put("rows", counts(db, schema));
        return database;
    }

    private static Map<String, Long> counts(Connection db, String schema) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + schema + "." + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
