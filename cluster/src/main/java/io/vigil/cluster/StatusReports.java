package io.vigil.cluster;

import io.micronaut.serde.ObjectMapper;
import io.vigil.camera.CameraStatus;
import io.vigil.camera.CameraStatusBoard;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Camera status across nodes: the recording node writes its report of each camera into the lease row at every
 * renewal, and every other node shows that report on its camera list and wall, or, while no node holds the camera,
 * an OFFLINE status saying why.
 */
@Singleton
public class StatusReports {

    private static final int MAX_STATUS_CHARS = 4000;

    private final CameraStatusBoard board;
    private final ObjectMapper json;

    public StatusReports(CameraStatusBoard board, ObjectMapper json) {
        this.board = board;
        this.json = json;
    }

    /** For cameras recorded elsewhere (or by nobody), the status every node shows. */
    void showOthers(List<LeaseView> rows, Set<String> enabled, Instant now, Predicate<String> recordedHere) {
        for (LeaseView row : rows) {
            String cameraId = row.cameraId();
            if (recordedHere.test(cameraId) || !enabled.contains(cameraId)) {
                continue;
            }
            String holder = row.holderAt(now);
            CameraStatus shown = holder != null && row.status() != null ? parse(row.status()) : null;
            if (shown == null) {
                shown = holder != null
                        ? status(CameraStatus.State.CONNECTING, row.acquiredAt(), null)
                        : status(CameraStatus.State.OFFLINE, now, "not recorded right now: no node holds its lease "
                        + "(a node is taking it over, or every node is at vigil.cluster.max-cameras)");
            }
            board.adoptRemote(cameraId, shown);
        }
    }

    private static CameraStatus status(CameraStatus.State state, Instant since, String error) {
        return new CameraStatus(state, since, null, error, error == null ? null : since, null, null, 0, null, null,
                null, null, 0);
    }

    /** This node's report of a camera it records, as JSON for its lease row; null if it does not fit. */
    String publish(String cameraId) {
        CameraStatus s = board.local(cameraId);
        try {
            String text = json.writeValueAsString(s);
            if (text.length() > MAX_STATUS_CHARS && s.lastError() != null) {
                String shortError = s.lastError().substring(0, Math.min(500, s.lastError().length()));
                text = json.writeValueAsString(new CameraStatus(s.state(), s.since(), s.lastSegmentAt(), shortError,
                        s.lastErrorAt(), s.sessionId(), s.sessionStart(), s.reconnects(), s.codec(), s.resolution(),
                        s.bitrateKbps(), s.framesPerSecond(), s.spoolBacklog()));
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
