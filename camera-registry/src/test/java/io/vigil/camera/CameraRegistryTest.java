package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The registry over a real database (H2 in memory, and PostgreSQL) migrated by Flyway: the per-camera quota is stored, kept and changed. */
@Tag(TestDatabase.TAG)
class CameraRegistryTest {

    static final byte[] KEY = new byte[32];
    javax.sql.DataSource dataSource;
    Database db;
    CameraRepository repository;
    CameraRegistry registry;
    List<CameraChanged> events = new ArrayList<>();

    @BeforeEach
    void database() {
        dataSource = TestDatabase.migrated(TestDatabase.fresh());
        db = new Database(dataSource);
        repository = new CameraRepository(db, cipher(KEY));
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        registry = new CameraRegistry(repository, events::add, clock, 30);
    }

    private static io.vigil.camera.secret.CredentialCipher cipher(byte[] key) {
        return new io.vigil.camera.secret.CredentialCipher(() -> key, new java.security.SecureRandom());
    }

    @Test
    void passwordsAreStoredEncryptedAndOlderPlainRowsAreEncryptedAtStartUp() {
        registry.create(new CameraRequest(
                "gate", null, "rtsp://192.0.2.1/gate", "admin", "s3cret-Pa55", null, null, null, null));
        String stored = db.query("SELECT password FROM camera WHERE id = 'gate'", rs -> rs.getString(1))
                .get(0);
        assertTrue(stored.startsWith("v1:") && !stored.contains("s3cret"), stored);
        assertEquals("s3cret-Pa55", registry.get("gate").password());

        db.update("UPDATE camera SET password = 'plain-old' WHERE id = 'gate'"); // a row from before encryption
        assertEquals("plain-old", registry.get("gate").password(), "read as it is until upgraded");
        assertEquals(1, repository.encryptStoredPasswords());
        assertTrue(db.query("SELECT password FROM camera WHERE id = 'gate'", rs -> rs.getString(1))
                .get(0)
                .startsWith("v1:"));
        assertEquals("plain-old", registry.get("gate").password());
        assertEquals(0, repository.encryptStoredPasswords(), "nothing left to upgrade");

        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        io.vigil.error.VigilException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.vigil.error.VigilException.class, () -> new CameraRepository(db, cipher(otherKey)).find("gate"));
        assertEquals(io.vigil.error.ErrorCode.SECRET_KEY_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("camera gate") && !e.getMessage().contains("plain-old"), e.getMessage());
    }

    @Test
    void theEngineIsStoredChangedAndNativeForRowsFromBeforeTheSetting() {
        registry.create(new CameraRequest(
                "porch", null, "rtsp://192.0.2.1/porch", null, null, null, null, null, null, null, "ffmpeg"));
        assertEquals(Camera.Engine.FFMPEG, registry.get("porch").engine());
        assertEquals(
                "FFMPEG",
                db.query("SELECT engine FROM camera WHERE id = 'porch'", rs -> rs.getString(1))
                        .get(0));
        registry.update(
                "porch", new CameraRequest(null, null, null, null, null, null, null, null, null, null, "NATIVE"));
        assertEquals(Camera.Engine.NATIVE, registry.get("porch").engine());

        VigilException e = assertThrows(
                VigilException.class,
                () -> registry.update(
                        "porch", new CameraRequest(null, null, null, null, null, null, null, null, null, null, "gst")));
        assertEquals(Map.of("engine", "must be native or ffmpeg"), e.fieldErrors());

        // A row written by a Vigil without the setting: the column's default applies.
        db.update("INSERT INTO camera (id, name, url, transport, enabled, retention_days, source, created_millis, "
                + "updated_millis) VALUES ('old', 'Old', 'rtsp://192.0.2.1/old', 'TCP', TRUE, 30, 'API', 0, 0)");
        assertEquals(Camera.Engine.NATIVE, registry.get("old").engine());
    }

    private static CameraRequest quota(String id, Long maxBytes) {
        return new CameraRequest(
                id, null, id == null ? null : "rtsp://192.0.2.1/" + id, null, null, null, null, null, maxBytes);
    }

    @Test
    void apiQuotaIsStoredKeptByAnUpdateWithoutItAndRemovedByZero() {
        registry.create(quota("lobby", 20_000_000_000L));
        assertEquals(20_000_000_000L, registry.get("lobby").maxBytes());

        registry.update("lobby", new CameraRequest(null, "Lobby", null, null, null, null, false, null, null));
        assertEquals(20_000_000_000L, registry.get("lobby").maxBytes(), "missing maxBytes keeps the quota");
        assertEquals("Lobby", registry.get("lobby").name());

        registry.update("lobby", quota(null, 1L << 30));
        assertEquals(1L << 30, registry.get("lobby").maxBytes());
        registry.update("lobby", quota(null, 0L));
        assertNull(registry.get("lobby").maxBytes(), "maxBytes 0 removes the quota");

        VigilException e = assertThrows(VigilException.class, () -> registry.update("lobby", quota(null, -5L)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(Map.of("maxBytes", "must be a positive number of bytes, or 0 for no quota"), e.fieldErrors());
        assertNull(registry.get("lobby").maxBytes());

        registry.create(quota("yard", null));
        assertNull(registry.get("yard").maxBytes());
    }

    @Test
    void aChangedMaxBytesInTheFileUpdatesTheCamera() {
        registry.applyCamerasFile(
                CamerasFile.parse(file("max-bytes: 500MB"), n -> null).cameras(), true);
        assertEquals(500_000_000L, registry.get("gate").maxBytes());
        events.clear();

        registry.applyCamerasFile(
                CamerasFile.parse(file("max-bytes: 500MB"), n -> null).cameras(), true);
        assertEquals(List.of(), events, "an unchanged file changes nothing");

        registry.applyCamerasFile(
                CamerasFile.parse(file("max-bytes: 2GiB"), n -> null).cameras(), true);
        assertEquals(2L << 30, registry.get("gate").maxBytes());
        assertEquals(List.of(new CameraChanged("gate")), events);

        registry.applyCamerasFile(CamerasFile.parse(file(""), n -> null).cameras(), true);
        assertNull(registry.get("gate").maxBytes(), "a quota removed from the file is removed");
        assertEquals(Camera.Source.FILE, registry.get("gate").source());
    }

    @Test
    void theQuotaFingerprintAndEngineColumnsAreCommented() {
        for (String column : List.of("max_bytes", "tls_fingerprint", "engine")) {
            String remark = TestDatabase.columnComment(dataSource, "camera", column);
            assertFalse(remark == null || remark.isBlank(), column);
        }
    }

    @Test
    void everyChangeTheCamerasFileMakesIsPublishedForTheAuditLogWithoutSecrets() {
        List<CameraEdit> edits = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        CameraRegistry audited = new CameraRegistry(
                repository,
                events::add,
                clock,
                30,
                io.vigil.camera.network.CameraNetworkPolicy.allowingAll(),
                edits::add);
        String pin = "0A:".repeat(31) + "0A";
        audited.applyCamerasFile(
                CamerasFile.parse("""
                cameras:
                  - {id: gate, url: "rtsps://192.0.2.9/main", username: admin, password: file-secret, tls-fingerprint: "%s"}
                  - {id: yard, url: "rtsp://192.0.2.10/main"}
                """.formatted(pin), n -> null).cameras(), true);
        assertEquals(pin, registry.get("gate").tlsFingerprint().value(), "the pin is stored");
        audited.applyCamerasFile(CamerasFile.parse("""
                cameras:
                  - {id: gate, url: "rtsps://192.0.2.19/main", username: admin, password: file-secret}
                """, n -> null).cameras(), true);
        audited.applyCamerasFile(CamerasFile.parse("""
                cameras:
                  - {id: gate, url: "rtsps://192.0.2.19/main", username: admin, password: file-secret}
                """, n -> null).cameras(), true);
        assertEquals(
                List.of(
                        new CameraEdit(
                                "gate",
                                CameraEdit.Action.CREATE,
                                "created: url rtsps://192.0.2.9/main, transport tcp, "
                                        + "enabled, retention 30 days, user name set, password set, certificate pinned "
                                        + pin + " (cameras file)"),
                        new CameraEdit(
                                "yard",
                                CameraEdit.Action.CREATE,
                                "created: url rtsp://192.0.2.10/main, transport tcp, "
                                        + "enabled, retention 30 days (cameras file)"),
                        new CameraEdit(
                                "gate",
                                CameraEdit.Action.UPDATE,
                                "url rtsps://192.0.2.9/main -> rtsps://192.0.2.19/main, "
                                        + "certificate unpinned (cameras file)"),
                        new CameraEdit(
                                "yard",
                                CameraEdit.Action.DISABLE,
                                "disabled: no longer in the cameras file; recordings kept")),
                edits,
                "the third pass changed nothing and published nothing");
    }

    @Test
    void aCameraInADeniedNetworkIsRefusedNamingItsUrl() {
        CameraRegistry guarded = new CameraRegistry(
                repository,
                events::add,
                Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC),
                30,
                new io.vigil.camera.network.CameraNetworkPolicy(
                        new io.vigil.camera.network.CameraNetworksConfig(null, null),
                        () -> java.util.Set.of(8080),
                        java.net.InetAddress::getAllByName),
                edit -> {});
        VigilException e = assertThrows(
                VigilException.class,
                () -> guarded.create(new CameraRequest(
                        "meta", null, "rtsp://169.254.169.254/latest", null, null, null, null, null, null)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(
                Map.of(
                        "url",
                        "points at 169.254.169.254 is in the denied camera network 169.254.0.0/16 "
                                + "(vigil.cameras.networks.deny)"),
                e.fieldErrors());
        List<String> refused = guarded.applyCamerasFile(
                CamerasFile.parse("cameras: [{id: meta, url: \"rtsp://169.254.169.254/x\"}]", n -> null)
                        .cameras(),
                true);
        assertTrue(repository.find("meta").isEmpty(), "the cameras file cannot add it either");
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(
                refused.get(0).startsWith("camera meta: ") && refused.get(0).contains("169.254.0.0/16"),
                refused.get(0));
    }

    private static String file(String maxBytesLine) {
        return """
                cameras:
                  - id: gate
                    url: rtsp://192.0.2.9/main
                    %s
                """.formatted(maxBytesLine);
    }
}
