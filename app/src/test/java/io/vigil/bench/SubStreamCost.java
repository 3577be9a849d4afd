package io.vigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What recording a camera's sub stream too costs, from an ingest run's columns: each Vigil main + sub column against
 * Vigil {@code engine: native} with main streams only at the same size, in the same run on the same simulator; the
 * sub stream's cost per camera is the difference.
 */
final class SubStreamCost {

    private SubStreamCost() {}

    /** The table's lines (a blank line first), none when the run had no main + sub column. */
    static List<String> lines(List<Measured> results) {
        List<String> lines = new ArrayList<>();
        for (Measured both : results) {
            if (!both.column().endsWith(VigilRecording.MAIN_AND_SUB)) {
                continue;
            }
            Measured main = results.stream()
                    .filter(m ->
                            m.cameras() == both.cameras() && m.column().equals(VigilRecording.column("native", false)))
                    .findFirst()
                    .orElse(null);
            if (lines.isEmpty()) {
                lines.add("");
                lines.add("Sub streams: Vigil (`engine: native`) recording every camera's main and sub stream against"
                        + " main streams only, same cameras, same run; per camera, with its store; the sub stream's"
                        + " cost is the difference:");
                lines.add("");
                lines.add("| cameras | streams recording | CPU %/camera: main only / main + sub | ratio | sub stream's"
                        + " CPU %/camera | RSS MiB/camera: main only / main + sub | live heap MiB/camera: main only"
                        + " / main + sub | sub stream's live heap MiB/camera | segments main + sub (missing) |");
                lines.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            }
            if (main == null) {
                lines.add(String.format(
                        Locale.ROOT,
                        "| %d | %d | - / %.2f | - | - | - / %.1f | - / %.2f | - | %d (%d) |",
                        both.cameras(),
                        both.recording(),
                        both.cpuWithStorePerCamera(),
                        both.totalRssMib() / both.cameras(),
                        both.liveHeapMib() / both.cameras(),
                        both.segments(),
                        both.missingBySequence()));
                continue;
            }
            double n = both.cameras();
            lines.add(String.format(
                    Locale.ROOT,
                    "| %d | %d | %.2f / %.2f | %.2f× | %.2f | %.1f / %.1f | %.2f / %.2f | %.2f | %d (%d) |",
                    both.cameras(),
                    both.recording(),
                    main.cpuWithStorePerCamera(),
                    both.cpuWithStorePerCamera(),
                    both.cpuWithStorePerCamera() / main.cpuWithStorePerCamera(),
                    both.cpuWithStorePerCamera() - main.cpuWithStorePerCamera(),
                    main.totalRssMib() / n,
                    both.totalRssMib() / n,
                    main.liveHeapMib() / n,
                    both.liveHeapMib() / n,
                    (both.liveHeapMib() - main.liveHeapMib()) / n,
                    both.segments(),
                    both.missingBySequence()));
        }
        return lines;
    }
}
