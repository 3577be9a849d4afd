package io.vigil.cluster;

import io.micronaut.serde.ObjectMapper;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Camera status across nodes: the recording node writes its report of each camera into the lease row at every
 * renewal, and every other node shows that report on its camera list and wall, or, while no node holds the camera,
 * an OFFLINE status saying why.
 *
 * <p>Thread: {@link #publish} and {@link #showOthers} are called by the lease loop under {@link LeaseKeeper}'s lock;
 * the board they read and write is thread-safe.
 */
@Singleton
public class StatusReports {

    private static final int MAX_STATUS_CHARS = 4000;

    private final CameraStatusBoard board;
    private final ObjectMapper json;
    private final ClusterConfig config;
    private final LeasedCameras leased;
    private final Clock clock;

    public StatusReports(
            CameraStatusBoard board, ObjectMapper json, ClusterConfig config, LeasedCameras leased, Clock clock) {
        this.board = board;
        this.json = json;
        this.config = config;
        this.leased = leased;
        this.clock = clock;
    }

    /**
     * For cameras recorded elsewhere (or by nobody), the status every node shows: the holder's report while it
     * renews; OFFLINE saying so once the holder has missed three renewals (it may have died: the tile must not go on
     * saying RECORDING until the take-over); OFFLINE while no node holds the camera. Each is shown as current, by
     * this node's clock, until this node has missed a lease's worth of checks.
     */
    void showOthers(List<LeaseRow> rows, Set<String> enabled, Instant now) {
        Duration leaseDuration = config.leaseDuration();
        Duration checkInterval = config.checkInterval();
        Instant freshUntil = clock.instant().plus(leaseDuration);
        for (LeaseRow row : rows) {
            String cameraId = row.cameraId();
            if (leased.recordsHere(cameraId) || !enabled.contains(cameraId)) {
                continue;
            }
            String holder = row.holderAt(now);
            Instant renewed = row.expiresAt().minus(leaseDuration);
            CameraStatus shown;
            if (holder != null && Duration.between(renewed, now).compareTo(checkInterval.multipliedBy(3)) > 0) {
                long takeOverSeconds =
                        Math.max(0, Duration.between(now, row.expiresAt()).toSeconds());
                shown = status(
                        CameraStatus.State.OFFLINE,
                        renewed,
                        "node " + holder + " has not renewed this camera's " + "lease since " + renewed
                                + "; another node takes it over within " + takeOverSeconds + " s");
            } else if (holder != null && row.status() != null && parse(row.status()) != null) {
                shown = parse(row.status());
            } else if (holder != null) {
                shown = status(CameraStatus.State.CONNECTING, row.acquiredAt(), null);
            } else {
                shown = status(
                        CameraStatus.State.OFFLINE,
                        now,
                        "not recorded right now: no node holds its lease "
                                + "(a node is taking it over, or every node is at vigil.cluster.max-cameras)");
            }
            board.adoptRemote(cameraId, shown, freshUntil);
        }
    }

    private static CameraStatus status(CameraStatus.State state, Instant since, String error) {
        return new CameraStatus(
                state, since, null, error, error == null ? null : since, null, null, 0, null, null, null, null, 0);
    }

    /** This node's report of a camera it records, as JSON for its lease row; null if it does not fit. */
    String publish(String cameraId) {
        CameraStatus s = board.local(cameraId);
        try {
            String text = json.writeValueAsString(s);
            if (text.length() > MAX_STATUS_CHARS && s.lastError() != null) {
                String shortError =
                        s.lastError().substring(0, Math.min(500, s.lastError().length()));
                text = json.writeValueAsString(s.withLastError(shortError));
            }
            return text.length() > MAX_STATUS_CHARS ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    private CameraStatus parse(String text) {
        try {
            return json.readValue(text, CameraStatus.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
