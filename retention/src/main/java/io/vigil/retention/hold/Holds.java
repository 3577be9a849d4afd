package io.vigil.retention.hold;

import io.vigil.camera.RecordedCameras;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.StreamName;
import io.vigil.kernel.TimeRange;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Holds, kept in the database so they survive restarts. Placing a hold and deleting a batch of segments
 * exclude each other ({@link #whileUnchanged}): a batch checks the active holds and deletes with no hold
 * placed in between, so a hold that has been answered 201 keeps everything it covers from that moment.
 */
@Singleton
public class Holds {

    static final int MAX_REASON_LENGTH = 1000;
    private static final String COLUMNS =
            "id, camera_id, start_millis, end_millis, reason, created_millis, released_millis, stream";

    private final Database db;
    private final RecordedCameras cameras;
    private final Clock clock;
    private final ReentrantLock changes = new ReentrantLock();

    public Holds(Database db, RecordedCameras cameras, Clock clock) {
        this.db = db;
        this.cameras = cameras;
        this.clock = clock;
    }

    /** Places a hold on a registered camera's recordings, or on those a removed camera left. */
    public Hold place(HoldRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (request == null || request.cameraId() == null || request.cameraId().isBlank()) {
            problems.put("cameraId", "is required");
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            problems.put("reason", "is required: say why the footage is held (case, request)");
        } else if (request.reason().length() > MAX_REASON_LENGTH) {
            problems.put("reason", "is longer than " + MAX_REASON_LENGTH + " characters");
        }
        if (!problems.isEmpty()) {
            throw VigilException.invalid(problems);
        }
        TimeRange range = TimeRange.parse(request.start(), request.end());
        String stream = request.stream() == null
                ? null
                : StreamName.require("stream", request.stream()).param();
        String cameraId = request.cameraId().trim();
        cameras.require(cameraId);
        Hold hold = new Hold(
                UUID.randomUUID().toString(),
                cameraId,
                range.start(),
                range.end(),
                request.reason().trim(),
                clock.instant(),
                null,
                stream);
        insert(List.of(hold));
        return hold;
    }

    /**
     * Stores new holds, all in one transaction or none, while no batch of segments is being deleted
     * ({@link #whileUnchanged}): once this returns, they keep everything they cover.
     */
    void insert(List<Hold> placed) {
        whileUnchanged(() -> db.inTransaction(() -> {
            for (Hold hold : placed) {
                db.update(
                        "INSERT INTO hold (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        hold.id(),
                        hold.cameraId(),
                        hold.start().toEpochMilli(),
                        hold.end().toEpochMilli(),
                        hold.reason(),
                        hold.created().toEpochMilli(),
                        null,
                        hold.stream());
            }
            return placed.size();
        }));
    }

    /** Releases a hold (kept as a record); releasing a released one changes nothing. */
    public Hold release(String id) {
        Hold hold = get(id);
        if (hold.active()) {
            db.update(
                    "UPDATE hold SET released_millis = ? WHERE id = ? AND released_millis IS NULL",
                    clock.instant().toEpochMilli(),
                    id);
        }
        return get(id);
    }

    public Hold get(String id) {
        return db.query("SELECT " + COLUMNS + " FROM hold WHERE id = ?", Holds::hold, id).stream()
                .findFirst()
                .orElseThrow(() -> new VigilException(ErrorCode.HOLD_NOT_FOUND, "no hold " + id));
    }

    /** Holds of one camera, or of all if {@code cameraId} is null, newest first; released ones too. */
    public List<Hold> list(String cameraId) {
        return cameraId == null
                ? db.query("SELECT " + COLUMNS + " FROM hold ORDER BY created_millis DESC", Holds::hold)
                : db.query(
                        "SELECT " + COLUMNS + " FROM hold WHERE camera_id = ? ORDER BY created_millis DESC",
                        Holds::hold,
                        cameraId);
    }

    /** Every hold not released. */
    public List<Hold> active() {
        return db.query("SELECT " + COLUMNS + " FROM hold WHERE released_millis IS NULL", Holds::hold);
    }

    /** Runs {@code work} while no hold is placed (used around a check of the holds and what it allows). */
    public <T> T whileUnchanged(Supplier<T> work) {
        changes.lock();
        try {
            return work.get();
        } finally {
            changes.unlock();
        }
    }

    private static Hold hold(ResultSet rs) throws SQLException {
        long releasedMillis = rs.getLong(7);
        Instant released = rs.wasNull() ? null : Instant.ofEpochMilli(releasedMillis);
        return new Hold(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                released,
                rs.getString(8));
    }
}
