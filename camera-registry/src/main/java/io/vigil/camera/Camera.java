package io.vigil.camera;

import io.vigil.kernel.CameraId;
import io.vigil.kernel.StreamName;
import java.util.List;
import java.util.Objects;

/**
 * A registered camera: where its RTSP stream is and how to record it.
 *
 * @param id            slug {@code [a-z0-9][a-z0-9-]{0,62}} ({@link CameraId})
 * @param name          human-readable name
 * @param url           RTSP URL without credentials
 * @param username      RTSP user, or null
 * @param password      RTSP password, or null: never serialised, never logged
 * @param transport     RTSP lower transport
 * @param enabled       false: not recorded
 * @param retentionDays days its segments are kept
 * @param maxBytes      storage quota of its segments in bytes, or null for none; retention deletes its
 *                      oldest segments when they take more
 * @param source        who manages it: the API or the cameras file
 * @param tlsFingerprint for an {@code rtsps://} camera: the one certificate it is trusted with (pinned), or null to
 *                      verify its certificate against the default trust store and its host name
 * @param engine        the engine the installer wants recording it (the recorder may fall back to FFmpeg)
 * @param sub           its sub stream, or null when only the main stream ({@code url}) is recorded
 */
public record Camera(
        String id,
        String name,
        RtspUrl url,
        String username,
        String password,
        Transport transport,
        boolean enabled,
        int retentionDays,
        Long maxBytes,
        Source source,
        TlsFingerprint tlsFingerprint,
        Engine engine,
        SubStream sub) {

    public static final int MAX_RETENTION_DAYS = 36_500;

    /** RTSP lower transport. */
    public enum Transport {
        TCP,
        UDP
    }

    /**
     * What records a camera's stream (glossary: engine): Vigil's own RTSP client and fMP4 writer, or FFmpeg. A camera
     * set to NATIVE is recorded with FFMPEG where the native engine cannot record its stream (engine fallback).
     */
    public enum Engine {
        NATIVE,
        FFMPEG
    }

    /** Who manages a camera. */
    public enum Source {
        API,
        FILE
    }

    public Camera {
        if (!CameraId.isValid(id)) {
            throw new IllegalArgumentException("invalid camera id: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(engine, "engine");
        if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("retentionDays out of range: " + retentionDays);
        }
        if (maxBytes != null && maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be null or positive: " + maxBytes);
        }
        if (tlsFingerprint != null && !url.origin().tls()) {
            throw new IllegalArgumentException("a TLS fingerprint needs an rtsps:// URL");
        }
        if (sub != null && !sub.url().origin().equals(url.origin())) {
            throw new IllegalArgumentException("a sub stream is at its camera's origin");
        }
    }

    /** A camera with only a main stream. */
    public Camera(
            String id,
            String name,
            RtspUrl url,
            String username,
            String password,
            Transport transport,
            boolean enabled,
            int retentionDays,
            Long maxBytes,
            Source source,
            TlsFingerprint tlsFingerprint,
            Engine engine) {
        this(
                id,
                name,
                url,
                username,
                password,
                transport,
                enabled,
                retentionDays,
                maxBytes,
                source,
                tlsFingerprint,
                engine,
                null);
    }

    /** Its streams, main first: {@code [MAIN]} or {@code [MAIN, SUB]}. */
    public List<StreamName> streams() {
        return sub == null ? List.of(StreamName.MAIN) : List.of(StreamName.MAIN, StreamName.SUB);
    }

    public boolean has(StreamName stream) {
        return stream == StreamName.MAIN || sub != null;
    }

    /** The URL of one of its streams, without credentials; the stream must be one it has. */
    public RtspUrl url(StreamName stream) {
        return stream == StreamName.MAIN ? url : requireSub().url();
    }

    /** Days the segments of one of its streams are kept. */
    public int retentionDays(StreamName stream) {
        return stream == StreamName.MAIN ? retentionDays : requireSub().retentionDays();
    }

    /** The quota of one of its streams in bytes, or null for none. */
    public Long maxBytes(StreamName stream) {
        return stream == StreamName.MAIN ? maxBytes : requireSub().maxBytes();
    }

    private SubStream requireSub() {
        if (sub == null) {
            throw new IllegalArgumentException("camera " + id + " has no sub stream");
        }
        return sub;
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** The URL FFmpeg connects to, with credentials. Never log or return it. */
    public String connectionUrl() {
        return url.withCredentials(username, password);
    }

    /** The URL FFmpeg connects to for one of its streams, with credentials. Never log or return it. */
    public String connectionUrl(StreamName stream) {
        return url(stream).withCredentials(username, password);
    }

    /**
     * True if a recorder of this camera's {@code stream} would connect to {@code other}'s the same way: a change of
     * name, retention or quota, or of its other stream, must not restart recording (that would cut the recording in
     * two sessions). False when either has no such stream.
     */
    public boolean recordsLike(Camera other, StreamName stream) {
        return id.equals(other.id)
                && has(stream)
                && other.has(stream)
                && connectionUrl(stream).equals(other.connectionUrl(stream))
                && transport == other.transport
                && enabled == other.enabled
                && java.util.Objects.equals(tlsFingerprint, other.tlsFingerprint)
                && engine == other.engine;
    }

    /** Same camera, other enabled flag. */
    public Camera withEnabled(boolean newEnabled) {
        return new Camera(
                id,
                name,
                url,
                username,
                password,
                transport,
                newEnabled,
                retentionDays,
                maxBytes,
                source,
                tlsFingerprint,
                engine,
                sub);
    }

    @Override
    public String toString() {
        return "Camera[id=" + id + ", url=" + url + (sub == null ? "" : ", sub=" + sub.url()) + ", enabled=" + enabled
                + "]";
    }
}
