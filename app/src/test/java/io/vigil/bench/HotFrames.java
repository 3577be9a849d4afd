package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where this JVM's Java threads spend their time over a window, from JDK Flight Recorder's samples every 10 ms of the
 * threads running Java code (execution samples) and of those in a native method (a file read, a socket write: marked
 * "native"; JFR samples a few threads of each kind per period), leaving out the bench's own client thread and surefire's: the
 * hottest leaf frames, and the share of samples with given methods anywhere on their stack (a hash under a package's
 * writer, say). Threads waiting in a native method ({@link #IDLE}) are not counted. JFR cannot walk the stack of a
 * thread inside an intrinsic stub (the JIT's SHA-256, CRC-32 and memory copies): such samples are lost, so a thread's
 * CPU there shows only in its CPU time ({@link ThreadProfile}), not here.
 */
final class HotFrames {

    /** A frame (class.method) and its share of the window's samples, %. */
    record Hot(String frame, long samples, double percent) {}

    /** The window's samples: the leaf frames, the busiest first, and how many samples had each marker on the stack. */
    record Profile(long samples, List<Hot> leaves, Map<String, Long> withMarker) {
        double markerPercent(String marker) {
            return samples == 0 ? 0 : 100.0 * withMarker.getOrDefault(marker, 0L) / samples;
        }
    }

    /** Native methods a thread waits in with nothing to do (an event loop's select, an acceptor): not counted. */
    static final Set<String> IDLE =
            Set.of("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept", "sun.nio.ch.Net.poll", "java.lang.Object.wait");

    private final Recording recording = new Recording();
    private final String excludedThread;
    private Instant from = Instant.MIN;

    private HotFrames(String excludedThread) {
        this.excludedThread = excludedThread;
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
        recording.start();
    }

    /** Counts only samples from now on (JFR's own start-up, its classes compiled, comes before). */
    void mark() {
        from = Instant.now();
    }

    /** Starts sampling every thread but the caller's. */
    static HotFrames start() {
        return new HotFrames(Thread.currentThread().getName());
    }

    /**
     * Stops: the top {@code top} leaf frames, and per marker (a substring of "class.method", e.g. {@code
     * sun.security.provider.SHA2}) how many samples had a frame matching it anywhere on the stack.
     */
    Profile stop(int top, List<String> markers) throws Exception {
        recording.stop();
        Path file = Files.createTempFile("vigil-bench", ".jfr");
        try {
            recording.dump(file);
            Map<String, Long> leaves = new HashMap<>();
            Map<String, Long> marked = new HashMap<>();
            long samples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null
                        || stack.getFrames().isEmpty()
                        || e.getStartTime().isBefore(from)
                        || excluded(e.getThread("sampledThread").getJavaName())) {
                    continue;
                }
                boolean running = e.getEventType().getName().equals("jdk.ExecutionSample");
                if (!running && IDLE.contains(name(stack.getFrames().get(0)))) {
                    continue;
                }
                samples++;
                leaves.merge(name(stack.getFrames().get(0)) + (running ? "" : " (native)"), 1L, Long::sum);
                for (String marker : markers) {
                    if (stack.getFrames().stream().anyMatch(f -> name(f).contains(marker))) {
                        marked.merge(marker, 1L, Long::sum);
                    }
                }
            }
            long total = samples;
            List<Hot> hot = new ArrayList<>();
            leaves.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(top)
                    .forEach(l -> hot.add(new Hot(l.getKey(), l.getValue(), 100.0 * l.getValue() / total)));
            return new Profile(samples, hot, marked);
        } finally {
            recording.close();
            Files.deleteIfExists(file);
        }
    }

    /** The bench's own thread, and surefire's, which waits on the JVM's stdin (FileInputStream.readBytes) for commands. */
    private boolean excluded(String thread) {
        return thread == null || thread.equals(excludedThread) || thread.startsWith("surefire");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
