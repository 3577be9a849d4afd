package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.archive.read.StoredFootage;
import io.vigil.kernel.StreamKey;
import io.vigil.kernel.StreamName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A camera as the API shows it: no password (only whether one is set), no credentials in the URL.
 * {@code maxBytes} is null (left out of the JSON, like a missing username) when the camera has no quota, and
 * {@code quota} is the same as an installer writes it ({@code 500MB}: {@link ByteSize#format});
 * {@code source} is {@code file} for a camera of the cameras file (the API refuses to change it) and {@code api};
 * {@code tlsFingerprint} is the pinned certificate, null when none is (the certificate last seen is in the status).
 * The top-level {@code url}, {@code retentionDays}, {@code maxBytes} and {@code status} are the main stream's, as
 * before cameras had streams; {@code streams} has {@code main} and, when the camera has one, {@code sub}.
 */
@Serdeable
public record CameraView(
        String id,
        String name,
        String url,
        String username,
        boolean hasPassword,
        String transport,
        String engine,
        boolean enabled,
        int retentionDays,
        @Nullable Long maxBytes,
        @Nullable String quota,
        String source,
        @Nullable String tlsFingerprint,
        CameraStatus status,
        Map<String, StreamView> streams) {

    /**
     * @param statuses the status of each of the camera's streams
     * @param stored   what the archive holds of each stream, by stream key (streams without footage left out)
     */
    public static CameraView of(
            Camera c, Map<StreamName, CameraStatus> statuses, Map<String, StoredFootage> stored, Instant now) {
        Map<String, StreamView> streams = new LinkedHashMap<>();
        for (StreamName s : c.streams()) {
            CameraStatus status = statuses.get(s);
            StreamStorage storage = StreamStorage.of(
                    stored.get(StreamKey.of(c.id(), s).value()), status.bitrateKbps(), c.maxBytes(s), now);
            streams.put(
                    s.param(),
                    new StreamView(
                            c.url(s).value(),
                            c.retentionDays(s),
                            c.maxBytes(s),
                            quota(c.maxBytes(s)),
                            status,
                            storage));
        }
        CameraStatus status = statuses.get(StreamName.MAIN);
        return new CameraView(
                c.id(),
                c.name(),
                c.url().value(),
                c.username(),
                c.hasPassword(),
                c.transport().name().toLowerCase(Locale.ROOT),
                c.engine().name().toLowerCase(Locale.ROOT),
                c.enabled(),
                c.retentionDays(),
                c.maxBytes(),
                quota(c.maxBytes()),
                c.source().name().toLowerCase(Locale.ROOT),
                c.tlsFingerprint() == null ? null : c.tlsFingerprint().value(),
                status,
                streams);
    }

    /** A quota as an installer writes it ({@code 500MB}), or null for none. */
    static String quota(Long maxBytes) {
        return maxBytes == null ? null : new ByteSize(maxBytes).format();
    }
}
