package io.vigil.archive.index;

import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import java.time.Instant;
import java.util.Optional;

/** The index's init segments: one row per content-addressed init segment the store holds. */
public final class InitSegments {

    private final Database db;

    InitSegments(Database db) {
        this.db = db;
    }

    /** Records an init segment unless one with the same (content-addressed) key is there already. */
    public void add(InitSegment init) {
        if (find(init.objectKey()).isPresent()) {
            return;
        }
        try {
            db.update(
                    "INSERT INTO init_segment (object_key, camera_id, size_bytes, codecs, created_millis) VALUES (?, ?, ?, ?, ?)",
                    init.objectKey(),
                    init.cameraId(),
                    init.sizeBytes(),
                    init.codecs(),
                    init.created().toEpochMilli());
        } catch (VigilException e) {
            if (find(init.objectKey()).isEmpty()) {
                throw e;
            }
        }
    }

    public Optional<InitSegment> find(String objectKey) {
        return db
                .query(
                        "SELECT object_key, camera_id, size_bytes, codecs, created_millis FROM init_segment WHERE object_key = ?",
                        rs -> new InitSegment(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5))),
                        objectKey)
                .stream()
                .findFirst();
    }

    /** True if any segment row of the camera needs the init segment. */
    public boolean inUse(String cameraId, String initKey) {
        return !db.query(
                        "SELECT 1 FROM segment WHERE camera_id = ? AND init_key = ? LIMIT 1",
                        rs -> 1,
                        cameraId,
                        initKey)
                .isEmpty();
    }

    /**
     * Deletes an init segment unless a segment row needs it: in one transaction holding the init row's lock
     * (which {@link SegmentIndex#add} of a segment needing it also takes), {@code deleteObject} runs first, then the row goes.
     * A writer that checked the init row before it went waits on the lock, then finds no row, fails, and stores
     * the init segment again on its retry. If {@code deleteObject} throws, the row stays. True if it was deleted.
     */
    public boolean deleteIfUnused(String cameraId, String initKey, Runnable deleteObject) {
        return db.inTransaction(() -> {
            if (db.query("SELECT object_key FROM init_segment WHERE object_key = ? FOR UPDATE", rs -> 1, initKey)
                            .isEmpty()
                    || inUse(cameraId, initKey)) {
                return false;
            }
            deleteObject.run();
            return db.update("DELETE FROM init_segment WHERE object_key = ?", initKey) > 0;
        });
    }
}
