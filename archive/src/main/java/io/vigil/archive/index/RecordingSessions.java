package io.vigil.archive.index;

import io.vigil.kernel.database.Database;
import java.time.Instant;
import java.util.List;

/** The index's recording sessions: one row per connection to a camera, opened and closed by its recorder. */
public final class RecordingSessions {

    private final Database db;

    RecordingSessions(Database db) {
        this.db = db;
    }

    /** A camera's connection began; its segments' rows will name it. */
    public void open(RecordingSession session) {
        db.update(
                "INSERT INTO recording_session (id, camera_id, started_millis, video_codec, audio_codec) VALUES (?, ?, ?, ?, ?)",
                session.id(),
                session.cameraId(),
                session.started().toEpochMilli(),
                session.videoCodec(),
                session.audioCodec());
    }

    /** The connection ended at {@code ended}, for {@code reason}; a session already closed stays as it was. */
    public void close(String sessionId, Instant ended, String reason) {
        db.update(
                "UPDATE recording_session SET ended_millis = ?, end_reason = ? WHERE id = ? AND ended_millis IS NULL",
                ended.toEpochMilli(),
                reason,
                sessionId);
    }

    /** Cameras that connected at or after {@code since}. */
    public List<String> camerasSince(Instant since) {
        return db.query(
                "SELECT DISTINCT camera_id FROM recording_session WHERE started_millis >= ?",
                rs -> rs.getString(1),
                since.toEpochMilli());
    }
}
