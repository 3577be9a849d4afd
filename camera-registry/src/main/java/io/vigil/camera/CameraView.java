package io.vigil.camera;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * A camera as the API shows it: no password (only whether one is set), no credentials in the URL.
 * {@code maxBytes} is null (left out of the JSON, like a missing username) when the camera has no quota;
 * {@code tlsFingerprint} is the pinned certificate, null when none is (the certificate last seen is in the status).
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
        String source,
        @Nullable String tlsFingerprint,
        CameraStatus status) {

    public static CameraView of(Camera c, CameraStatus status) {
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
                c.source().name().toLowerCase(Locale.ROOT),
                c.tlsFingerprint() == null ? null : c.tlsFingerprint().value(),
                status);
    }
}
