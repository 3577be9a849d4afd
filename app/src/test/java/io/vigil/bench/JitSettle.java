package io.vigil.bench;

import io.vigil.e2e.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Waits until a JVM's JIT compilation is over: its total compilation time ({@code jstat -compiler}, read from the
 * JVM's perf data without attaching) grew by at most 1 % of {@code quiet} over the last {@code quiet}, or
 * {@code bound} has passed. Not "no method compiled": a busy recorder keeps compiling a small method now and then
 * for many minutes, which costs nothing measurable. A recorder that runs for days pays its compilation once; a
 * measurement window that overlaps it overstates the steady state.
 *
 * @param waited           how long the settle took
 * @param bounded          whether the bound ended it (compilation was still going on)
 * @param compilations     methods compiled by the end of it
 * @param compileSeconds   total compilation time by the end of it
 */
record JitSettle(Duration waited, boolean bounded, long compilations, double compileSeconds) {

    /** Compilation time per second of wall time below which compilation counts as over. */
    static final double QUIET_SHARE = 0.01;

    private record Sample(long nanos, long compiled, double seconds) {}

    static JitSettle await(long pid, Duration quiet, Duration bound) throws Exception {
        long start = System.nanoTime();
        Deque<Sample> samples = new ArrayDeque<>();
        while (true) {
            Sample now = sample(pid);
            samples.addLast(now);
            while (samples.size() > 1 && now.nanos() - samples.peekFirst().nanos() > quiet.toNanos()) {
                samples.removeFirst();
            }
            Sample first = samples.peekFirst();
            boolean longEnough = now.nanos() - first.nanos()
                    >= quiet.toNanos() - Duration.ofSeconds(1).toNanos();
            if (longEnough && now.seconds() - first.seconds() <= QUIET_SHARE * quiet.toNanos() / 1e9) {
                return new JitSettle(Duration.ofNanos(now.nanos() - start), false, now.compiled(), now.seconds());
            }
            if (now.nanos() - start >= bound.toNanos()) {
                return new JitSettle(Duration.ofNanos(now.nanos() - start), true, now.compiled(), now.seconds());
            }
            Thread.sleep(1000); // poll period; each poll starts a jstat JVM
        }
    }

    /** The "Compiled" and "Time" columns of {@code jstat -compiler}. */
    private static Sample sample(long pid) throws Exception {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        String out = ExternalTools.run(
                Duration.ofSeconds(20),
                List.of(Files.isExecutable(jstat) ? jstat.toString() : "jstat", "-compiler", Long.toString(pid)));
        String[] lines = out.strip().split("\n");
        String[] f = lines[lines.length - 1].trim().split("\\s+");
        return new Sample(System.nanoTime(), Long.parseLong(f[0]), Double.parseDouble(f[3]));
    }

    String summary() {
        return String.format(
                "%d s (%d methods, %.1f s of compilation)%s",
                waited.toSeconds(),
                compilations,
                compileSeconds,
                bounded ? ", bound reached: JIT still compiling" : "");
    }
}
