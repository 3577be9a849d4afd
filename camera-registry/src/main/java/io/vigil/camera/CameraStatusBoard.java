package io.vigil.camera;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.archive.ArchiveEvents;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live status of every camera, written by the recorder and the archive, read by the API. In memory: it describes
 * this process since it started, and, for cameras another node of a cluster records, the status that node last
 * published ({@link #adoptRemote}).
 */
@Singleton
public class CameraStatusBoard {

    private final Map<String, StreamHealth> cameras = new ConcurrentHashMap<>();
    private final Map<String, Remote> remote = new ConcurrentHashMap<>();

    /** Another node's report, shown until {@code freshUntil}; after that its node has fallen silent. */
    private record Remote(CameraStatus status, Instant freshUntil) {}

    private final Clock clock;
    private final io.vigil.archive.SpoolBacklog backlog;

    private final MeterRegistry meters;

    public CameraStatusBoard(Clock clock, io.vigil.archive.SpoolBacklog backlog, MeterRegistry meters) {
        this.clock = clock;
        this.backlog = backlog;
        this.meters = meters;
    }

    /**
     * The camera's status; DISABLED when the camera is, CONNECTING before the recorder reported, and the recording
     * node's own report when another node records it.
     */
    public CameraStatus get(Camera camera) {
        return get(camera, StreamName.MAIN);
    }

    /**
     * The status of one of the camera's streams (its stream key's), like {@link #get(Camera)}; the main stream's is
     * the camera's.
     */
    public CameraStatus get(Camera camera, StreamName stream) {
        String key = StreamKey.of(camera.id(), stream).value();
        // Another node's report covers the camera's main stream; the same node records its sub stream (leases are per
        // camera), so that report stands for the sub stream's too until reports carry each stream.
        Remote report = remote.getOrDefault(key, remote.get(camera.id()));
        CameraStatus elsewhere = report == null
                ? null
                : report.freshUntil().isAfter(clock.instant())
                        ? report.status()
                        : new CameraStatus(
                                CameraStatus.State.OFFLINE,
                                report.freshUntil(),
                                report.status().lastSegmentAt(),
                                "no fresh report from the node recording this camera, or this node cannot read them (database)",
                                report.freshUntil(),
                                report.status().sessionId(),
                                report.status().sessionStart(),
                                report.status().reconnects(),
                                report.status().codec(),
                                report.status().resolution(),
                                null,
                                null,
                                0,
                                report.status().tlsFingerprint(),
                                null,
                                report.status().engineReason(),
                                null);
        if (elsewhere != null) {
            return camera.enabled() ? elsewhere : elsewhere.withState(CameraStatus.State.DISABLED);
        }
        return health(key).snapshot(key, camera.enabled());
    }

    /** This node's own view of the camera, as it publishes it to the other nodes of a cluster. */
    public CameraStatus local(String cameraId) {
        return health(cameraId).snapshot(cameraId, true);
    }

    /** Shows another node's report for a camera this node does not record, as current until {@code freshUntil}. */
    public void adoptRemote(String cameraId, CameraStatus status, Instant freshUntil) {
        remote.put(cameraId, new Remote(status, freshUntil));
    }

    /** This node records the camera (again): its own view is shown. */
    public void dropRemote(String cameraId) {
        remote.remove(cameraId);
    }

    /** Sets the state and, if given, the latest error. */
    public void report(String cameraId, CameraStatus.State state, String error) {
        health(cameraId).report(state, error);
    }

    /** A connection attempt begins: CONNECTING, or, on a retry after a failure, still that failure's state. */
    public void attempting(String cameraId) {
        health(cameraId).attempt();
    }

    /** The certificate an rtsps:// camera presented at this connection attempt (trusted or not). */
    public void tlsCertificateSeen(String cameraId, TlsFingerprint fingerprint) {
        StreamHealth h = health(cameraId);
        synchronized (h) {
            h.tlsFingerprint = fingerprint == null ? null : fingerprint.value();
        }
    }

    /**
     * The engine recording the camera now (null while no session is connected) and why it is not the one the camera
     * is set to (null when it is).
     */
    public void engine(String cameraId, Camera.Engine recording, String reason) {
        StreamHealth h = health(cameraId);
        synchronized (h) {
            h.engine = recording;
            h.engineReason = reason;
        }
    }

    /** A new recording session connected. */
    public void sessionStarted(String cameraId, String sessionId, Instant start, String codec, String resolution) {
        StreamHealth h = health(cameraId);
        synchronized (h) {
            h.sessionId = sessionId;
            h.sessionStart = start;
            h.sessions++;
            if (h.sessions > 1) {
                meters.counter("vigil.reconnects", "camera", cameraId).increment();
            }
            h.codec = codec;
            h.resolution = resolution;
            h.damagedFrames = null;
        }
    }

    /** The current session dropped {@code total} damaged frames so far (lost RTP packets). */
    public void framesDamaged(String cameraId, long total) {
        StreamHealth h = health(cameraId);
        synchronized (h) {
            h.damagedFrames = total;
        }
    }

    /** A session started its first segment: the camera is RECORDING. */
    public void recording(String cameraId) {
        health(cameraId).report(CameraStatus.State.RECORDING, null);
    }

    /** A segment was finished and handed to the archive. */
    public void segmentFinished(String cameraId, long bytes, int frames, int durationMillis) {
        StreamHealth h = health(cameraId);
        synchronized (h) {
            Instant now = clock.instant();
            h.finished(now, bytes, frames, durationMillis);
        }
        h.report(CameraStatus.State.RECORDING, null);
    }

    /** The archive cannot store the camera's segments right now; they wait in the spool. */
    @EventListener
    public void onStorageTrouble(ArchiveEvents.StorageTrouble trouble) {
        health(trouble.cameraId())
                .error("storage: " + trouble.message() + " (" + trouble.backlogSegments() + " segment(s) spooled)");
    }

    public void forget(String cameraId) {
        cameras.remove(cameraId);
        remote.remove(cameraId);
    }

    private StreamHealth health(String cameraId) {
        return cameras.computeIfAbsent(cameraId, id -> {
            StreamHealth h = new StreamHealth(clock, backlog);
            for (CameraStatus.State s : CameraStatus.State.values()) {
                // One series per state, 1 for the current one: the Prometheus way to export an enum.
                Gauge.builder("vigil.camera.state", h, x -> x.state == s ? 1 : 0)
                        .tags("camera", id, "state", s.name())
                        .register(meters);
            }
            return h;
        });
    }
}
