package io.vigil.access.share;

import io.vigil.access.SecurityConfig;
import io.vigil.access.login.TokenKeys;
import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Share links: made by auditors, checked on every use, revocable, kept as a record after they end. */
@Singleton
public class ShareLinks {

    static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    /** The longest range one link may open: a link shares an incident, not an archive. */
    static final Duration MAX_RANGE = Duration.ofDays(7);

    private static final String COLUMNS = "id, camera_id, start_millis, end_millis, expires_millis, created_by, "
            + "created_millis, revoked_millis, revoked_by";

    private final Database db;
    private final RecordedCameras cameras;
    private final Clock clock;
    private final Duration maxValidity;
    private final ShareToken tokens;

    public ShareLinks(Database db, RecordedCameras cameras, Clock clock, SecurityConfig config, TokenKeys keys) {
        this.db = db;
        this.cameras = cameras;
        this.clock = clock;
        this.maxValidity = config.maxShareValidity();
        this.tokens = new ShareToken(payload -> keys.hmac("share", payload));
    }

    public Share create(ShareRequest request, String createdBy) {
        if (request == null || request.cameraId() == null || request.cameraId().isBlank()) {
            throw VigilException.invalid(Map.of("cameraId", "is required"));
        }
        TimeRange range = TimeRange.parse(request.start(), request.end());
        if (Duration.between(range.start(), range.end()).compareTo(MAX_RANGE) > 0) {
            throw new VigilException(
                    ErrorCode.INVALID_RANGE, "a share link covers at most " + MAX_RANGE.toDays() + " days");
        }
        Duration validity = validity(request.expiresIn());
        String cameraId = request.cameraId().trim();
        cameras.require(cameraId);
        Instant now = clock.instant();
        Share share = new Share(
                UUID.randomUUID().toString(),
                cameraId,
                range.start(),
                range.end(),
                now.plus(validity),
                createdBy,
                now,
                null,
                null,
                null,
                null);
        db.update(
                "INSERT INTO share_link (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                share.id(),
                cameraId,
                range.start().toEpochMilli(),
                range.end().toEpochMilli(),
                share.expires().toEpochMilli(),
                createdBy,
                now.toEpochMilli(),
                null,
                null);
        String query = "?start=" + range.start() + "&end=" + range.end() + "&share="
                + URLEncoder.encode(tokens.sign(share.grant()), StandardCharsets.UTF_8);
        String base = "/api/cameras/" + cameraId;
        return share.withUrls(base + "/playlist.m3u8" + query, base + "/clip.mp4" + query);
    }

    public List<Share> list(String cameraId) {
        return cameraId == null
                ? db.query("SELECT " + COLUMNS + " FROM share_link ORDER BY created_millis DESC", ShareLinks::share)
                : db.query(
                        "SELECT " + COLUMNS + " FROM share_link WHERE camera_id = ? ORDER BY created_millis DESC",
                        ShareLinks::share,
                        cameraId);
    }

    public Share get(String id) {
        return find(id).orElseThrow(() -> new VigilException(ErrorCode.SHARE_NOT_FOUND, "no share link " + id));
    }

    /** Ends the link now; revoking a revoked one changes nothing. */
    public Share revoke(String id, String by) {
        get(id);
        db.update(
                "UPDATE share_link SET revoked_millis = ?, revoked_by = ? WHERE id = ? AND revoked_millis IS NULL",
                clock.instant().toEpochMilli(),
                by,
                id);
        return get(id);
    }

    /**
     * The grant of a {@code share} parameter if it is genuine, unexpired and not revoked; the stored link must
     * say exactly what the token says.
     */
    public Optional<Share> usable(String token) {
        Optional<ShareGrant> grant = tokens.verify(token);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return find(grant.get().id())
                .filter(s -> s.usableAt(now))
                .filter(s -> s.grant().equals(grant.get()));
    }

    private Optional<Share> find(String id) {
        return db.query("SELECT " + COLUMNS + " FROM share_link WHERE id = ?", ShareLinks::share, id).stream()
                .findFirst();
    }

    private Duration validity(String expiresIn) {
        Duration validity;
        if (expiresIn == null || expiresIn.isBlank()) {
            validity = DEFAULT_VALIDITY;
        } else {
            try {
                validity = expiresIn.trim().matches("\\d{1,10}")
                        ? Duration.ofSeconds(Long.parseLong(expiresIn.trim()))
                        : Duration.parse(expiresIn.trim());
            } catch (DateTimeParseException e) {
                throw VigilException.invalid(
                        Map.of("expiresIn", "must be an ISO-8601 duration such as PT24H, or seconds"));
            }
        }
        if (validity.isZero() || validity.isNegative() || validity.compareTo(maxValidity) > 0) {
            throw VigilException.invalid(Map.of("expiresIn", "must be positive and at most " + maxValidity));
        }
        return validity;
    }

    private static Share share(ResultSet rs) throws SQLException {
        long revoked = rs.getLong("revoked_millis");
        boolean isRevoked = !rs.wasNull();
        return new Share(
                rs.getString("id"),
                rs.getString("camera_id"),
                Instant.ofEpochMilli(rs.getLong("start_millis")),
                Instant.ofEpochMilli(rs.getLong("end_millis")),
                Instant.ofEpochMilli(rs.getLong("expires_millis")),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_millis")),
                isRevoked ? Instant.ofEpochMilli(revoked) : null,
                rs.getString("revoked_by"),
                null,
                null);
    }
}
