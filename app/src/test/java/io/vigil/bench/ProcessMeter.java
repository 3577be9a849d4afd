package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** CPU time and memory of processes, read from /proc (Linux), as the benchmarks report them. */
final class ProcessMeter {

    /** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux). */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessMeter() {}

    /** User plus system CPU seconds a process has used so far. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime (fields 14, 15)
    }

    /** The same, or NaN if the process is gone (a simulator that died). */
    static double cpuSecondsIfAlive(long pid) {
        try {
            return cpuSeconds(pid);
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    static double cpuSeconds(Collection<Long> pids) throws IOException {
        double sum = 0;
        for (long pid : pids) {
            sum += cpuSeconds(pid);
        }
        return sum;
    }

    /** Resident memory now, in MiB ({@code VmRSS}). */
    static double rssMib(long pid) throws IOException {
        return statusKib(pid, "VmRSS:") / 1024.0;
    }

    static double rssMib(Collection<Long> pids) throws IOException {
        double sum = 0;
        for (long pid : pids) {
            sum += rssMib(pid);
        }
        return sum;
    }

    private static long statusKib(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith(field))
                .findFirst()
                .map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0]))
                .orElseThrow(() -> new IOException("no " + field + " for process " + pid));
    }
}
