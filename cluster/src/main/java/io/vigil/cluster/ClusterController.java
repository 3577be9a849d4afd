package io.vigil.cluster;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.camera.Camera;
import io.vigil.camera.CameraRepository;
import io.vigil.kernel.NodeIdentity;
import io.vigil.kernel.hook.CameraScope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code GET /api/cluster}: nodes, their heartbeats, and which cameras each records; a caller with a camera
 * allow-list sees only those cameras in the lists ({@link CameraScope}).
 */
@Controller("/api/cluster")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClusterController {

    private final ClusterConfig config;
    private final NodeIdentity identity;
    private final ClusterNodes nodes;
    private final CameraLeases leases;
    private final DatabaseTime time;
    private final CameraRepository cameras;
    private final CameraScope scope;

    public ClusterController(
            ClusterConfig config,
            NodeIdentity identity,
            ClusterNodes nodes,
            CameraLeases leases,
            DatabaseTime time,
            CameraRepository cameras,
            CameraScope scope) {
        this.scope = scope;
        this.config = config;
        this.identity = identity;
        this.nodes = nodes;
        this.leases = leases;
        this.time = time;
        this.cameras = cameras;
    }

    @Get
    public ClusterView show(HttpRequest<?> request) {
        Instant now = time.now();
        List<NodeRow> all = nodes.all();
        List<LeaseRow> rows = leases.all();
        Set<String> enabled = cameras.findAll().stream()
                .filter(Camera::enabled)
                .map(Camera::id)
                .collect(Collectors.toCollection(TreeSet::new));
        LeasePlan plan = LeasePlanner.plan(identity.nodeId(), now, config.leaseDuration(), all, rows, enabled);
        List<ClusterView.Node> shown = all.stream()
                .map(n -> new ClusterView.Node(
                        n.nodeId(),
                        n.advertisedUrl(),
                        n.stoppedAt() != null ? "STOPPED" : n.live(now, config.leaseDuration()) ? "LIVE" : "SILENT",
                        n.startedAt(),
                        n.heartbeatAt(),
                        n.stoppedAt(),
                        n.maxCameras(),
                        plan.allotments().getOrDefault(n.nodeId(), 0),
                        rows.stream()
                                .filter(l -> n.nodeId().equals(l.holderAt(now)))
                                .map(LeaseRow::cameraId)
                                .filter(c -> scope.allows(request, c))
                                .sorted()
                                .toList()))
                .toList();
        Set<String> held = rows.stream()
                .filter(l -> l.holderAt(now) != null)
                .map(LeaseRow::cameraId)
                .collect(Collectors.toSet());
        return new ClusterView(
                identity.nodeId(),
                config.enabled(),
                config.leaseDuration().toMillis(),
                shown,
                enabled.stream()
                        .filter(c -> !held.contains(c))
                        .filter(c -> scope.allows(request, c))
                        .toList());
    }
}
