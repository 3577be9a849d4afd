package io.vigil.bench;

import io.vigil.e2e.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A JVM's live heap: what its heap holds right after a full collection ({@code jcmd GC.run}, then {@code jstat -gc}'s
 * used survivor, eden and old space). Unlike its resident memory, which grows towards the heap it was given whatever it
 * keeps, this is what its data takes; off-heap buffers are not in it.
 */
final class LiveHeap {

    private LiveHeap() {}

    /** MiB in use after a full collection. */
    static double afterFullGcMib(long pid) throws Exception {
        ExternalTools.run(Duration.ofSeconds(60), List.of(tool("jcmd"), Long.toString(pid), "GC.run"));
        String out = ExternalTools.run(Duration.ofSeconds(20), List.of(tool("jstat"), "-gc", Long.toString(pid)));
        String[] lines = out.strip().split("\n");
        List<String> names = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        double kib = 0;
        for (String used : List.of("S0U", "S1U", "EU", "OU")) {
            kib += Double.parseDouble(values[names.indexOf(used)]);
        }
        return kib / 1024;
    }

    private static String tool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }
}
