package io.vigil.camera;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A camera as the API shows it: no password (only whether one is set), no credentials in the URL.
 */
@Serdeable
public record CameraView(String id, String name, String url, String username, boolean hasPassword,
                         String transport, boolean enabled, int retentionDays, String source, CameraStatus status) {

    public static CameraView of(Camera c, CameraStatus status) {
        return new CameraView(c.id(), c.name(), c.url().value(), c.username(), c.hasPassword(),
                c.transport().name().toLowerCase(), c.enabled(), c.retentionDays(), c.source().name().toLowerCase(), status);
    }
}
