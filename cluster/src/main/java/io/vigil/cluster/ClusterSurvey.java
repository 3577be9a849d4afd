package io.vigil.cluster;

import io.vigil.camera.Camera;
import io.vigil.camera.CameraRepository;
import io.vigil.kernel.NodeIdentity;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a check reads from the database (the cameras, their lease rows and the nodes) and the plan
 * {@link LeasePlanner} makes of it. Every enabled camera gets a lease row first, so that some node may take it.
 *
 * <p>Thread: stateless; called by {@link LeaseKeeper} under its lock.
 */
@Singleton
public class ClusterSurvey {

    private final ClusterConfig config;
    private final String self;
    private final CameraRepository cameras;
    private final CameraLeases leases;
    private final ClusterNodes nodes;

    public ClusterSurvey(
            ClusterConfig config,
            NodeIdentity identity,
            CameraRepository cameras,
            CameraLeases leases,
            ClusterNodes nodes) {
        this.config = config;
        this.self = identity.nodeId();
        this.cameras = cameras;
        this.leases = leases;
        this.nodes = nodes;
    }

    /**
     * One check's facts, read at {@code now} (the database's time).
     *
     * @param definitions every camera's stored definition, by id
     * @param enabled     the enabled cameras' ids
     * @param leases      every lease row
     * @param plan        what this node does with its leases
     */
    record Facts(Map<String, Camera> definitions, Set<String> enabled, List<LeaseRow> leases, LeasePlan plan) {}

    Facts read(Instant now) {
        Map<String, Camera> definitions = cameras.findAll().stream().collect(Collectors.toMap(Camera::id, c -> c));
        Set<String> enabled = definitions.values().stream()
                .filter(Camera::enabled)
                .map(Camera::id)
                .collect(Collectors.toSet());
        List<LeaseRow> rows = leases.all();
        Set<String> withRow = rows.stream().map(LeaseRow::cameraId).collect(Collectors.toSet());
        if (!withRow.containsAll(enabled)) {
            leases.ensure(enabled, withRow);
            rows = leases.all();
        }
        LeasePlan plan = LeasePlanner.plan(self, now, config.leaseDuration(), nodes.all(), rows, enabled);
        return new Facts(definitions, enabled, rows, plan);
    }
}
