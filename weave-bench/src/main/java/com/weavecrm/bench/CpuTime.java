package com.weavecrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by the server's JVM, by its PostgreSQL (the postmaster and every backend) and
 * by the harness itself, from {@code /proc}: on a two-core machine they share the cores, and the
 * split says where a request's time goes. Zero where {@code /proc} is not there.
 */
record CpuTime(double serverSeconds, double postgresSeconds, double harnessSeconds) {

    private static final double TICKS_PER_SECOND = 100;

    static CpuTime read(long serverPid, Path dataDir) {
        long postmaster = postmasterPid(dataDir);
        double postgres = 0;
        if (postmaster > 0) {
            // backends that ended were reaped by the postmaster: their time is in its children's total
            postgres = seconds(postmaster) + childrenSeconds(postmaster);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                postgres += processes
                        .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                        .filter(pid -> parentOf(pid) == postmaster)
                        .mapToDouble(CpuTime::seconds)
                        .sum();
            } catch (IOException | RuntimeException e) {
                postgres = 0;
            }
        }
        return new CpuTime(
                seconds(serverPid), postgres, seconds(ProcessHandle.current().pid()));
    }

    CpuTime minus(CpuTime before) {
        return new CpuTime(
                serverSeconds - before.serverSeconds,
                postgresSeconds - before.postgresSeconds,
                harnessSeconds - before.harnessSeconds);
    }

    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .get(0)
                    .strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a process (its own threads; children that exited are not counted). */
    private static double seconds(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
    }

    /** cutime + cstime: the time of the process's children that have ended. */
    private static double childrenSeconds(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : (Long.parseLong(fields[15]) + Long.parseLong(fields[16])) / TICKS_PER_SECOND;
    }

    private static long parentOf(long pid) {
        String[] fields = stat(pid);
        return fields == null ? -1 : Long.parseLong(fields[3]);
    }

    /** The fields of /proc/pid/stat, the command name (which may hold spaces) taken out. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 2);
            String[] rest = afterName.split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = String.valueOf(pid);
            fields[1] = "";
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
