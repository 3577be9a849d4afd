package io.vigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The figures of {@link IncidentBench}: the table, the goals, where the time went; appended to docs/BENCHMARKS.md. */
record IncidentReport(
        int minutes, int cameras, int runs, long inputBytes, double storeSeconds, String verified, String load) {

    static final double THROUGHPUT_GOAL = 0.8;
    static final double FIRST_BYTE_GOAL_MILLIS = 500;

    /** Methods whose share of the samples (anywhere on the stack) the report names. */
    static final List<String> MARKERS = List.of(
            "sun.security.provider.SHA2",
            "java.util.zip.CRC32",
            "io.netty.buffer.AbstractByteBuf.writeBytes",
            "io.vigil.playback.clip.ClipStream.fetch");

    /** One more export, outside the measured runs, sampled by JFR and by thread. */
    record Profiled(IncidentBench.Exported exported, HotFrames.Profile frames, List<ThreadProfile.Share> threads) {}

    static Profiled profile(IncidentBench.Download download) throws Exception {
        HotFrames frames = HotFrames.start();
        download.run(); // JFR starting up (its own code compiled) is not profiled
        frames.mark();
        ThreadProfile threads = ThreadProfile.named(ProcessHandle.current().pid(), "bench JVM");
        IncidentBench.Exported exported = IncidentBench.measure(download);
        List<ThreadProfile.Share> shares = threads.stop();
        return new Profiled(exported, frames.stop(12, MARKERS), shares);
    }

    void write(
            List<IncidentBench.Exported> packages,
            List<IncidentBench.Exported> clips,
            Profiled packageProfile,
            Profiled clipProfile,
            HashCost hashCost)
            throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "input: %d cameras x %d min, the same %.0f MB of segments (%.1f Mbit/s) stored under each camera id "
                        + "through the MinIO SDK in %.0f s; package check: `bin/verify-package` %s",
                cameras, minutes, inputBytes / 1e6, inputBytes * 8 / 1e6 / (minutes * 60.0), storeSeconds, verified));
        lines.add("");
        lines.add("| export of the incident's range | median s | MB/s | first byte ms | service CPU, % of a core "
                + "| service CPU s per GB | output MB |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        lines.add(row("`package.zip` of the incident (" + cameras + " clips, hashes, signatures)", packages));
        lines.add(row("baseline: the " + cameras + " cameras' `clip.mp4`, one after another", clips));
        double ratio = throughput(packages) / throughput(clips);
        double firstByte = median(packages, e -> e.transfer().firstByteMillis());
        lines.add("");
        lines.add(String.format(
                "ratio package / clips throughput: **%.2f×** (goal ≥ %.1f×: %s); package time to first byte: **%.0f ms** "
                        + "(goal ≤ %.0f ms: %s)",
                ratio,
                THROUGHPUT_GOAL,
                ratio >= THROUGHPUT_GOAL ? "met" : "missed",
                firstByte,
                FIRST_BYTE_GOAL_MILLIS,
                firstByte <= FIRST_BYTE_GOAL_MILLIS ? "met" : "missed"));
        long bytes = packages.get(0).transfer().bytes();
        double clipSeconds = median(clips, e -> e.transfer().totalSeconds());
        lines.add("");
        lines.add(String.format(
                "What the package does to every clip byte that the clip export does not, each timed alone on one "
                        + "thread of the bench JVM (1 MiB off-heap buffers): SHA-256 %.0f MB/s, CRC-32 %.0f MB/s, a copy "
                        + "%.0f MB/s. For the package's %.0f MB: SHA-256 %.2f s, all three %.2f s on the one thread that "
                        + "writes the package; the clips' median %.2f s plus that is %.2f s (%.0f MB/s, %.2f× the clips), "
                        + "measured %.2f s.",
                hashCost.sha256MegabytesPerSecond(),
                hashCost.crc32MegabytesPerSecond(),
                hashCost.copyMegabytesPerSecond(),
                bytes / 1e6,
                hashCost.sha256SecondsFor(bytes),
                hashCost.secondsFor(bytes),
                clipSeconds,
                clipSeconds + hashCost.secondsFor(bytes),
                bytes / 1e6 / (clipSeconds + hashCost.secondsFor(bytes)),
                clipSeconds / (clipSeconds + hashCost.secondsFor(bytes)),
                median(packages, e -> e.transfer().totalSeconds())));
        profile(lines, "package download", packageProfile);
        double writerSeconds = packageProfile.threads().stream()
                        .filter(s -> s.thread().startsWith("blocking-execut"))
                        .mapToDouble(ThreadProfile.Share::percent)
                        .sum()
                / 100
                * packageProfile.exported().transfer().totalSeconds();
        lines.add("");
        lines.add(String.format(
                "The package's writer (its blocking-executor threads) used %.2f s of CPU in that download; SHA-256 of "
                        + "its %.0f MB takes %.2f s on one thread (above), CRC-32 and the copy %.2f s more.",
                writerSeconds,
                bytes / 1e6,
                hashCost.sha256SecondsFor(bytes),
                hashCost.secondsFor(bytes) - hashCost.sha256SecondsFor(bytes)));
        profile(lines, "clips, one after another", clipProfile);
        BenchService.report(
                "Incident package",
                String.format(
                        "Medians of %d runs after 1 warm-up, package and clips alternating; the embedded store (files read "
                                + "directly). Both bodies read by the bench straight off the loopback socket (1 MiB reads, "
                                + "counted, not copied). Service CPU: the bench JVM's (/proc) less its reading thread's "
                                + "(ThreadMXBean). MB/s = output bytes / total time. The machine's load: %s.",
                        runs, load),
                lines);
    }

    private void profile(List<String> lines, String what, Profiled p) {
        Transfer t = p.exported().transfer();
        lines.add("");
        lines.add(String.format(
                "Profile of one more %s, after one unmeasured with JFR on (%.2f s, %.0f MB/s, service CPU %.0f %% of a core): JFR samples of the service's "
                        + "threads every 10 ms (running Java, or in a native method but not waiting idle; a thread inside the JIT's SHA-256, "
                        + "CRC-32 or copy stubs cannot be sampled, see the threads' CPU below), %,d samples; on the stack: %s",
                what,
                t.totalSeconds(),
                t.megabytesPerSecond(),
                p.exported().cpuPercent(),
                p.frames().samples(),
                String.join(
                        ", ",
                        MARKERS.stream()
                                .map(m -> String.format(
                                        "`%s` %.0f %%", m, p.frames().markerPercent(m)))
                                .toList())));
        lines.add("");
        lines.add("| top frame (leaf) | samples | % |");
        lines.add("| --- | ---: | ---: |");
        p.frames()
                .leaves()
                .forEach(h -> lines.add(String.format("| `%s` | %d | %.1f |", h.frame(), h.samples(), h.percent())));
        lines.add("");
        lines.add("Threads (CPU % of a core over that download, from /proc, busiest first; packages and clips are read "
                + "on blocking-executor threads, segments fetched on io-executor threads, sent by the event loop): "
                + String.join(
                        ", ",
                        p.threads().stream()
                                .limit(6)
                                .map(s -> String.format(
                                        "%s %.0f",
                                        s.thread().equals("java") ? "java (the bench reading the body)" : s.thread(),
                                        s.percent()))
                                .toList()));
    }

    private static String row(String name, List<IncidentBench.Exported> runs) {
        return String.format(
                "| %s | %.2f | %.0f | %.0f | %.0f | %.2f | %.0f |",
                name,
                median(runs, e -> e.transfer().totalSeconds()),
                throughput(runs),
                median(runs, e -> e.transfer().firstByteMillis()),
                median(runs, IncidentBench.Exported::cpuPercent),
                median(runs, e -> e.serviceCpuSeconds() / (e.transfer().bytes() / 1e9)),
                runs.get(0).transfer().bytes() / 1e6);
    }

    private static double throughput(List<IncidentBench.Exported> runs) {
        return median(runs, e -> e.transfer().megabytesPerSecond());
    }

    private static double median(List<IncidentBench.Exported> runs, ToDoubleFunction<IncidentBench.Exported> figure) {
        return Transfer.median(runs.stream().mapToDouble(figure).toArray());
    }

    /** The 1-minute load average from /proc/loadavg, as text. */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return f[0] + " (1-min load average, " + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
