package io.vigil.camera;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.vigil.camera.secret.CredentialCipher;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores cameras in the {@code camera} table, their passwords encrypted ({@link CredentialCipher}). */
@Singleton
public class CameraRepository {

    private static final Logger LOG = LoggerFactory.getLogger(CameraRepository.class);

    private static final String COLUMNS =
            "id, name, url, username, password, transport, enabled, retention_days, max_bytes, source, "
                    + "tls_fingerprint, engine, sub_url, sub_retention_days, sub_max_bytes";

    private final Database db;
    private final CredentialCipher cipher;

    public CameraRepository(Database db, CredentialCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    public List<Camera> findAll() {
        return db.query("SELECT " + COLUMNS + " FROM camera ORDER BY id", this::camera);
    }

    public Optional<Camera> find(String id) {
        return db.query("SELECT " + COLUMNS + " FROM camera WHERE id = ?", this::camera, id).stream()
                .findFirst();
    }

    /**
     * Encrypts passwords stored before they were encrypted (rows from an older Vigil), before anything reads the
     * registry; returns how many. Runs first at start-up.
     */
    @EventListener
    @Order(-200)
    public void onStartup(StartupEvent event) {
        encryptStoredPasswords();
    }

    int encryptStoredPasswords() {
        List<String[]> plain = db
                .query("SELECT id, password FROM camera WHERE password IS NOT NULL", rs ->
                        new String[] {rs.getString(1), rs.getString(2)})
                .stream()
                .filter(row -> !CredentialCipher.isEncrypted(row[1]))
                .toList();
        for (String[] row : plain) {
            db.update(
                    "UPDATE camera SET password = ? WHERE id = ? AND password = ?",
                    cipher.encrypt(row[0], row[1]),
                    row[0],
                    row[1]);
        }
        if (!plain.isEmpty()) {
            LOG.info("Encrypted the stored passwords of {} camera(s)", plain.size());
        }
        return plain.size();
    }

    /** Inserts a camera; false if one with that id exists. */
    public boolean insert(Camera c, Instant now) {
        if (find(c.id()).isPresent()) {
            return false;
        }
        db.update(
                "INSERT INTO camera (" + COLUMNS
                        + ", created_millis, updated_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(),
                c.name(),
                c.url().value(),
                c.username(),
                cipher.encrypt(c.id(), c.password()),
                c.transport().name(),
                c.enabled(),
                c.retentionDays(),
                c.maxBytes(),
                c.source().name(),
                fingerprint(c),
                c.engine().name(),
                c.sub() == null ? null : c.sub().url().value(),
                c.sub() == null ? null : c.sub().retentionDays(),
                c.sub() == null ? null : c.sub().maxBytes(),
                now.toEpochMilli(),
                now.toEpochMilli());
        return true;
    }

    public void update(Camera c, Instant now) {
        db.update(
                "UPDATE camera SET name = ?, url = ?, username = ?, password = ?, transport = ?, enabled = ?, "
                        + "retention_days = ?, max_bytes = ?, source = ?, tls_fingerprint = ?, engine = ?, "
                        + "sub_url = ?, sub_retention_days = ?, sub_max_bytes = ?, updated_millis = ? WHERE id = ?",
                c.name(),
                c.url().value(),
                c.username(),
                cipher.encrypt(c.id(), c.password()),
                c.transport().name(),
                c.enabled(),
                c.retentionDays(),
                c.maxBytes(),
                c.source().name(),
                fingerprint(c),
                c.engine().name(),
                c.sub() == null ? null : c.sub().url().value(),
                c.sub() == null ? null : c.sub().retentionDays(),
                c.sub() == null ? null : c.sub().maxBytes(),
                now.toEpochMilli(),
                c.id());
    }

    public boolean delete(String id) {
        return db.update("DELETE FROM camera WHERE id = ?", id) > 0;
    }

    private Camera camera(ResultSet rs) throws SQLException {
        return new Camera(
                rs.getString(1),
                rs.getString(2),
                new RtspUrl(rs.getString(3)),
                rs.getString(4),
                cipher.decrypt(rs.getString(1), rs.getString(5)),
                Camera.Transport.valueOf(rs.getString(6)),
                rs.getBoolean(7),
                rs.getInt(8),
                rs.getObject(9, Long.class),
                Camera.Source.valueOf(rs.getString(10)),
                rs.getString(11) == null ? null : new TlsFingerprint(rs.getString(11)),
                Camera.Engine.valueOf(rs.getString(12)),
                rs.getString(13) == null
                        ? null
                        : new SubStream(new RtspUrl(rs.getString(13)), rs.getInt(14), rs.getObject(15, Long.class)));
    }

    private static String fingerprint(Camera c) {
        return c.tlsFingerprint() == null ? null : c.tlsFingerprint().value();
    }
}
