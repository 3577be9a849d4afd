package io.vigil.access.share;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vigil.kernel.AuditNote;
import java.time.Instant;

/**
 * A share link as the API shows it. {@code playlistUrl} and {@code clipUrl} (absolute URLs of this server, carrying
 * the signed {@code share} parameter: {@link PublicUrl}) are only in the answer to its creation.
 */
@Serdeable
public record Share(
        String id,
        String cameraId,
        Instant start,
        Instant end,
        Instant expires,
        String createdBy,
        Instant created,
        @Nullable Instant revoked,
        @Nullable String revokedBy,
        @Nullable String playlistUrl,
        @Nullable String clipUrl) {

    public ShareGrant grant() {
        return new ShareGrant(id, cameraId, start, end, expires);
    }

    public boolean usableAt(Instant now) {
        return revoked == null && now.isBefore(expires);
    }

    /** What the audit log says of a request that created or revoked it: its camera, range, id and expiry. */
    public AuditNote auditNote() {
        return AuditNote.footage(cameraId, start, end, "share " + id + " until " + expires);
    }

    public Share withUrls(String playlistUrl, String clipUrl) {
        return new Share(
                id, cameraId, start, end, expires, createdBy, created, revoked, revokedBy, playlistUrl, clipUrl);
    }
}
