package io.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU seconds of a service running in the bench's own JVM over a window: the process's (/proc, user + system, every
 * thread: event loops, readers, GC, JIT) less the calling thread's, the bench's client reading the response.
 */
final class InProcessCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long pid = ProcessHandle.current().pid();
    private final double process0;
    private final long client0;

    private InProcessCpu() throws Exception {
        this.process0 = ProcessMeter.cpuSeconds(pid);
        this.client0 = THREADS.getCurrentThreadCpuTime();
    }

    /** Starts a window; stop it on the same thread. */
    static InProcessCpu start() throws Exception {
        return new InProcessCpu();
    }

    /** The service's CPU seconds since the start (the process's less this thread's). */
    double stopSeconds() throws Exception {
        double client = (THREADS.getCurrentThreadCpuTime() - client0) / 1e9;
        return ProcessMeter.cpuSeconds(pid) - process0 - client;
    }
}
