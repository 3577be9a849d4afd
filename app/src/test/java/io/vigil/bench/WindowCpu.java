package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU over a window of the processes a browser bench watches, in % of one core: Chromium (all its processes), Vigil and
 * the camera simulator (NaN once it is gone); the whole machine in % of all its cores (/proc/stat). The browser
 * benches (latency, wall) measure it alike.
 */
record WindowCpu(double chromium, double vigil, double simulator, double machine) {

    /** Starts a window now: the CPU times so far of these processes and of the machine. */
    static Meter start(Set<Long> chromium, long vigil, long simulator) throws Exception {
        return new Meter(chromium, vigil, simulator);
    }

    /** A window being measured. */
    static final class Meter {
        private final Set<Long> chromiumPids;
        private final long vigilPid;
        private final long simulatorPid;
        private final Map<Long, Double> chromium0;
        private final double vigil0;
        private final double simulator0;
        private final long[] machine0;
        private final long nanos0 = System.nanoTime();

        private Meter(Set<Long> chromium, long vigil, long simulator) throws Exception {
            this.chromiumPids = Set.copyOf(chromium);
            this.vigilPid = vigil;
            this.simulatorPid = simulator;
            this.chromium0 = cpu(chromiumPids);
            this.vigil0 = ProcessMeter.cpuSeconds(vigil);
            this.simulator0 = ProcessMeter.cpuSecondsIfAlive(simulator);
            this.machine0 = machineTicks();
        }

        /** Ends the window: the CPU each used since its start (a Chromium process that ended meanwhile not counted). */
        WindowCpu stop() throws Exception {
            double elapsed = (System.nanoTime() - nanos0) / 1e9;
            double chromium = cpu(chromiumPids).entrySet().stream()
                    .filter(e -> chromium0.containsKey(e.getKey()))
                    .mapToDouble(e -> e.getValue() - chromium0.get(e.getKey()))
                    .sum();
            double vigil = ProcessMeter.cpuSeconds(vigilPid) - vigil0;
            double simulator = ProcessMeter.cpuSecondsIfAlive(simulatorPid) - simulator0;
            long[] machine1 = machineTicks();
            double machine = 100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]);
            return new WindowCpu(100 * chromium / elapsed, 100 * vigil / elapsed, 100 * simulator / elapsed, machine);
        }
    }

    /** Busy and total ticks of all cores, from /proc/stat. */
    private static long[] machineTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    private static Map<Long, Double> cpu(Set<Long> pids) {
        Map<Long, Double> seconds = new HashMap<>();
        for (long pid : pids) {
            double s = ProcessMeter.cpuSecondsIfAlive(pid);
            if (!Double.isNaN(s)) {
                seconds.put(pid, s);
            }
        }
        return seconds;
    }
}
