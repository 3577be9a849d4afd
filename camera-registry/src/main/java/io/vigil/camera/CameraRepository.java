package io.vigil.camera;

import io.vigil.archive.Database;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores cameras in the {@code camera} table. */
@Singleton
public class CameraRepository {

    private static final String COLUMNS = "id, name, url, username, password, transport, enabled, retention_days, max_bytes, source";

    private final Database db;

    public CameraRepository(Database db) {
        this.db = db;
    }

    public List<Camera> findAll() {
        return db.query("SELECT " + COLUMNS + " FROM camera ORDER BY id", CameraRepository::camera);
    }

    public Optional<Camera> find(String id) {
        return db.query("SELECT " + COLUMNS + " FROM camera WHERE id = ?", CameraRepository::camera, id)
                .stream().findFirst();
    }

    /** Inserts a camera; false if one with that id exists. */
    public boolean insert(Camera c, Instant now) {
        if (find(c.id()).isPresent()) {
            return false;
        }
        db.update("INSERT INTO camera (" + COLUMNS + ", created_millis, updated_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.name(), c.url().value(), c.username(), c.password(), c.transport().name(), c.enabled(),
                c.retentionDays(), c.maxBytes(), c.source().name(), now.toEpochMilli(), now.toEpochMilli());
        return true;
    }

    public void update(Camera c, Instant now) {
        db.update("UPDATE camera SET name = ?, url = ?, username = ?, password = ?, transport = ?, enabled = ?, "
                        + "retention_days = ?, max_bytes = ?, source = ?, updated_millis = ? WHERE id = ?",
                c.name(), c.url().value(), c.username(), c.password(), c.transport().name(), c.enabled(),
                c.retentionDays(), c.maxBytes(), c.source().name(), now.toEpochMilli(), c.id());
    }

    public boolean delete(String id) {
        return db.update("DELETE FROM camera WHERE id = ?", id) > 0;
    }

    private static Camera camera(ResultSet rs) throws SQLException {
        return new Camera(rs.getString(1), rs.getString(2), new RtspUrl(rs.getString(3)), rs.getString(4),
                rs.getString(5), Camera.Transport.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getInt(8),
                rs.getObject(9, Long.class), Camera.Source.valueOf(rs.getString(10)));
    }
}
