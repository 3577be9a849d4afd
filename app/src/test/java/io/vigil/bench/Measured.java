package io.vigil.bench;

import java.util.List;

/**
 * One column of an ingest run: a recorder (Vigil with an engine, or the ffmpeg CLI) recording {@code cameras} for
 * {@code seconds}. CPU in seconds over the window; RSS in MiB at its end.
 *
 * @param settle        the JIT settle before the window (null for the ffmpeg CLI)
 * @param storeCpu      Vigil's object store process (0 for the CLI, which writes to local disk)
 * @param simulatorCpu  the camera simulator over the same window
 * @param liveHeapMib   the recorder's heap in use right after a full collection at the window's end (NaN for the CLI)
 * @param recording     streams that reached RECORDING (a camera's main and sub stream each count; for the CLI, cameras
 *                      that wrote a segment) before the window
 * @param served        cameras with at least one segment starting in the window
 * @param timeError     segment start vs keyframe capture time of one camera (null where not measured)
 * @param simulator     the simulator's state at the end of the window, with what it printed
 */
record Measured(
        String column,
        int cameras,
        double seconds,
        JitSettle settle,
        double cpu,
        double storeCpu,
        double simulatorCpu,
        double rssMib,
        double storeRssMib,
        double liveHeapMib,
        int recording,
        int served,
        long segments,
        long missingBySequence,
        double uncoveredSeconds,
        List<Double> listingDelayMillis,
        SegmentTimeError timeError,
        String simulator) {

    Measured {
        listingDelayMillis = List.copyOf(listingDelayMillis);
    }

    /** % of one core per camera, the recorder alone. */
    double cpuPerCamera() {
        return 100 * cpu / seconds / cameras;
    }

    /** % of one core per camera, the recorder with its object store. */
    double cpuWithStorePerCamera() {
        return 100 * (cpu + storeCpu) / seconds / cameras;
    }

    /** Resident MiB of the recorder with its store. */
    double totalRssMib() {
        return rssMib + storeRssMib;
    }
}
