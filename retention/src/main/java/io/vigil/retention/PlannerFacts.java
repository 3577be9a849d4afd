package io.vigil.retention;

import io.vigil.archive.ArchiveRemoval;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraRegistry;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import io.vigil.retention.hold.Holds;
import io.vigil.retention.plan.CameraPolicy;
import io.vigil.retention.plan.Candidate;
import io.vigil.retention.plan.Deletion;
import io.vigil.retention.plan.RetentionPlan;
import io.vigil.retention.plan.RetentionPlanner;
import io.vigil.retention.run.OldestSegments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The facts {@link RetentionPlanner} decides on, gathered now: every camera with recordings and its policy (the
 * default days for one no longer registered) and usage not yet marked, the active holds, and each camera's segments
 * not yet marked, oldest first; then the plan on them.
 */
final class PlannerFacts {

    private final ArchiveRemoval archive;
    private final CameraRegistry cameras;
    private final Holds holds;
    private final RetentionConfig config;

    PlannerFacts(ArchiveRemoval archive, CameraRegistry cameras, Holds holds, RetentionConfig config) {
        this.archive = archive;
        this.cameras = cameras;
        this.holds = holds;
        this.config = config;
    }

    /** The plan for now, leaving out the {@code pending} marks an earlier run left (their deletion is done first). */
    RetentionPlan plan(Instant now, List<Deletion> pending) {
        Map<String, Set<Long>> marked = new HashMap<>();
        Map<String, Long> markedBytes = new HashMap<>();
        for (Deletion d : pending) {
            marked.computeIfAbsent(d.segment().cameraId(), k -> new HashSet<>())
                    .add(d.segment().sequence());
            markedBytes.merge(d.segment().cameraId(), d.segment().sizeBytes(), Long::sum);
        }
        Map<String, Camera> registered = new HashMap<>();
        cameras.list().forEach(c -> registered.put(c.id(), c));
        List<CameraPolicy> policies = new ArrayList<>();
        archive.usageBytes().forEach((cameraId, usedBytes) -> {
            // The archive names streams by stream key: each stream is kept by its own days and quota; a stream the
            // camera no longer has, by the camera's main stream's days; a camera no longer registered, by the default.
            Optional<StreamKey> key = StreamKey.parse(cameraId);
            Camera camera = key.map(k -> registered.get(k.cameraId().value())).orElse(null);
            StreamName stream = key.map(StreamKey::stream)
                    .filter(s -> camera != null && camera.has(s))
                    .orElse(StreamName.MAIN);
            Long maxBytes = camera == null || !camera.has(key.get().stream()) ? null : camera.maxBytes(stream);
            long unmarkedBytes = Math.max(0, usedBytes - markedBytes.getOrDefault(cameraId, 0L));
            policies.add(new CameraPolicy(
                    cameraId,
                    camera == null ? config.defaultDays() : camera.retentionDays(stream),
                    maxBytes == null ? 0 : maxBytes,
                    unmarkedBytes,
                    archive.lastSequence(cameraId)));
        });
        policies.sort(Comparator.comparing(CameraPolicy::cameraId));
        Function<String, Iterator<Candidate>> oldestFirst =
                cameraId -> OldestSegments.of(archive, cameraId, marked.getOrDefault(cameraId, Set.of()));
        return RetentionPlanner.plan(
                now,
                policies,
                config.planLimits(),
                holds.active().stream().flatMap(h -> h.ranges().stream()).toList(),
                oldestFirst);
    }
}
