package io.vigil.bench;

import io.vigil.e2e.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Waits until a JVM's JIT compilation is over: its count of compiled methods ({@code jstat -compiler}, read from the
 * JVM's perf data without attaching) has not grown for {@code quiet}, or {@code bound} has passed. A recorder that
 * runs for days pays its compilation once; a measurement window that overlaps it overstates the steady state.
 *
 * @param waited       how long the settle took
 * @param bounded      whether the bound ended it (compilation was still going on)
 * @param compilations methods compiled by the end of it
 */
record JitSettle(Duration waited, boolean bounded, long compilations) {

    static JitSettle await(long pid, Duration quiet, Duration bound) throws Exception {
        long start = System.nanoTime();
        long lastChange = start;
        long count = compiled(pid);
        while (true) {
            long now = System.nanoTime();
            if (now - lastChange >= quiet.toNanos()) {
                return new JitSettle(Duration.ofNanos(now - start), false, count);
            }
            if (now - start >= bound.toNanos()) {
                return new JitSettle(Duration.ofNanos(now - start), true, count);
            }
            Thread.sleep(1000); // poll period; each poll starts a jstat JVM
            long c = compiled(pid);
            if (c != count) {
                count = c;
                lastChange = System.nanoTime();
            }
        }
    }

    /** The "Compiled" column of {@code jstat -compiler}. */
    static long compiled(long pid) throws Exception {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        String out = ExternalTools.run(
                Duration.ofSeconds(20),
                List.of(Files.isExecutable(jstat) ? jstat.toString() : "jstat", "-compiler", Long.toString(pid)));
        String[] lines = out.strip().split("\n");
        return Long.parseLong(lines[lines.length - 1].trim().split("\\s+")[0]);
    }

    String summary() {
        return String.format("%d s%s", waited.toSeconds(), bounded ? " (bound reached, JIT still compiling)" : "");
    }
}
