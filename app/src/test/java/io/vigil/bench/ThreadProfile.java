package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a browser's CPU goes over a window: the CPU time of every thread of its processes (/proc/PID/task), grouped by
 * the kind of process (Chromium's {@code --type}: browser, renderer, gpu-process, utility and its sub-type) and the
 * thread's name with its digits left out ({@code Media}, {@code CrRendererMain}, {@code ThreadPoolForeg}). A thread
 * that ends within the window is not counted.
 */
final class ThreadProfile {

    /** A kind of thread's CPU over the window, % of one core. */
    record Share(String process, String thread, double percent) {
        String label() {
            return process + " / " + thread;
        }
    }

    private record Seen(String key, double seconds) {}

    private final Set<Long> pids;
    /** The kind of every process, or null: each its Chromium kind ({@link #kind}). */
    private final String name;

    private final Map<String, Seen> start;
    private final long nanos0 = System.nanoTime();

    private ThreadProfile(Set<Long> pids, String name) {
        this.pids = Set.copyOf(pids);
        this.name = name;
        this.start = threads();
    }

    /** Starts a window over these Chromium processes' threads. */
    static ThreadProfile start(Set<Long> pids) {
        return new ThreadProfile(pids, null);
    }

    /** Starts a window over another process's threads, its kind {@code name} ({@code Vigil}). */
    static ThreadProfile named(long pid, String name) {
        return new ThreadProfile(Set.of(pid), name);
    }

    /** Ends it: each kind of thread's share, the busiest first. */
    List<Share> stop() {
        double elapsed = (System.nanoTime() - nanos0) / 1e9;
        Map<String, Double> seconds = new TreeMap<>();
        threads().forEach((tid, now) -> {
            Seen before = start.get(tid);
            seconds.merge(now.key(), now.seconds() - (before == null ? 0 : before.seconds()), Double::sum);
        });
        List<Share> shares = new ArrayList<>();
        seconds.forEach((key, s) -> {
            int at = key.indexOf('\n');
            shares.add(new Share(key.substring(0, at), key.substring(at + 1), 100 * s / elapsed));
        });
        shares.sort(Comparator.comparingDouble(Share::percent).reversed());
        return shares;
    }

    /** Every live thread of these processes by "pid/tid": its kind ("process\nthread") and CPU seconds so far. */
    private Map<String, Seen> threads() {
        Map<String, Seen> threads = new HashMap<>();
        for (long pid : pids) {
            Path proc = Path.of("/proc", Long.toString(pid));
            String process;
            try {
                process = name != null ? name : kind(Files.readString(proc.resolve("cmdline")));
            } catch (IOException gone) {
                continue;
            }
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                                .replaceAll("[0-9]+", "")
                                .strip();
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / ProcessMeter.TICKS_PER_SECOND;
                        threads.put(pid + "/" + task.getFileName(), new Seen(process + "\n" + name, cpu));
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException gone) {
                // the process ended meanwhile
            }
        }
        return threads;
    }

    /**
     * A Chromium process's kind from its command line (NUL-separated, or spaces where Chromium rewrote its title): its
     * --type and utility sub-type, else browser.
     */
    static String kind(String cmdline) {
        String type = "browser";
        String sub = null;
        for (String arg : cmdline.split("[\0 ]+")) {
            if (arg.startsWith("--type=")) {
                type = arg.substring("--type=".length());
            } else if (arg.startsWith("--utility-sub-type=")) {
                String s = arg.substring("--utility-sub-type=".length());
                sub = s.replaceAll("\\.mojom\\..*", "");
            }
        }
        return sub == null ? type : type + " (" + sub + ")";
    }
}
