package io.vigil.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.VigilException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CamerasFileTest {

    private static final String FILE = """
            cameras:
              - id: lobby
                name: Lobby entrance
                url: rtsp://192.0.2.10:554/stream1
                username: admin
                password: ${LOBBY_PASSWORD}
                retention-days: 30
              - id: yard
                url: rtsp://192.0.2.11/h265
                transport: udp
                enabled: false
                engine: ffmpeg
            """;

    @Test
    void readsCamerasAndSubstitutesEnvironmentVariables() {
        CamerasFile.Parsed parsed = CamerasFile.parse(FILE, Map.of("LOBBY_PASSWORD", "pa$$:w/rd")::get);
        assertEquals(List.of(), parsed.errors());
        CameraRequest lobby = parsed.cameras().get("lobby");
        assertEquals("pa$$:w/rd", lobby.password());
        assertEquals(30, lobby.retentionDays());
        Camera camera = new CameraValidator(7).validate(lobby, Optional.empty(), Camera.Source.FILE);
        assertEquals("rtsp://192.0.2.10:554/stream1", camera.url().value());
        assertEquals("rtsp://admin:pa%24%24%3Aw%2Frd@192.0.2.10:554/stream1", camera.connectionUrl());
        Camera yard =
                new CameraValidator(7).validate(parsed.cameras().get("yard"), Optional.empty(), Camera.Source.FILE);
        assertEquals(Camera.Transport.UDP, yard.transport());
        assertEquals(Camera.Engine.FFMPEG, yard.engine());
        assertEquals(Camera.Engine.NATIVE, camera.engine(), "native unless set");
        assertFalse(yard.enabled());
        assertEquals(7, yard.retentionDays());
    }

    @Test
    void reportsAMissingVariableWithoutTheOtherCameras() {
        CamerasFile.Parsed parsed = CamerasFile.parse(FILE, name -> null);
        assertEquals(1, parsed.errors().size());
        assertTrue(
                parsed.errors().get(0).contains("LOBBY_PASSWORD"),
                parsed.errors().get(0));
        assertTrue(parsed.cameras().containsKey("yard"));
        assertFalse(parsed.cameras().containsKey("lobby"));
    }

    @Test
    void rejectsDuplicateIdsUnknownKeysAndBadYaml() {
        CamerasFile.Parsed parsed = CamerasFile.parse("""
                cameras:
                  - {id: a, url: rtsp://h/a}
                  - {id: a, url: rtsp://h/b}
                  - {id: b, url: rtsp://h/b, pasword: x}
                """, name -> null);
        assertEquals(2, parsed.errors().size(), parsed.errors().toString());
        assertThrows(IllegalArgumentException.class, () -> CamerasFile.parse("cameras: [", n -> null));
        assertThrows(IllegalArgumentException.class, () -> CamerasFile.parse("- just a list", n -> null));
        assertTrue(CamerasFile.parse("", n -> null).cameras().isEmpty());
    }

    @Test
    void readsMaxBytesAsBytesOrHumanSizes() {
        CamerasFile.Parsed parsed = CamerasFile.parse("""
                cameras:
                  - {id: a, url: rtsp://h/a, max-bytes: 500MB}
                  - {id: b, url: rtsp://h/b, max-bytes: 1.5TiB}
                  - {id: c, url: rtsp://h/c, max-bytes: 1048576}
                  - {id: d, url: rtsp://h/d, maxBytes: "${QUOTA}"}
                  - {id: e, url: rtsp://h/e, max-bytes: 0}
                  - {id: f, url: rtsp://h/f}
                """, Map.of("QUOTA", "20 GB")::get);
        assertEquals(List.of(), parsed.errors());
        assertEquals(500_000_000L, parsed.cameras().get("a").maxBytes());
        assertEquals(3L << 39, parsed.cameras().get("b").maxBytes());
        assertEquals(1_048_576L, parsed.cameras().get("c").maxBytes());
        assertEquals(20_000_000_000L, parsed.cameras().get("d").maxBytes());
        CameraValidator validator = new CameraValidator(30);
        assertEquals(
                500_000_000L,
                validator
                        .validate(parsed.cameras().get("a"), Optional.empty(), Camera.Source.FILE)
                        .maxBytes());
        assertNull(
                validator
                        .validate(parsed.cameras().get("e"), Optional.empty(), Camera.Source.FILE)
                        .maxBytes(),
                "max-bytes: 0 means no quota");
        assertNull(validator
                .validate(parsed.cameras().get("f"), Optional.empty(), Camera.Source.FILE)
                .maxBytes());
    }

    @Test
    void reportsABadMaxBytesAsThatEntrysProblemAndKeepsTheOthers() {
        CamerasFile.Parsed parsed = CamerasFile.parse("""
                cameras:
                  - {id: unit, url: rtsp://h/a, max-bytes: 20XB}
                  - {id: minus, url: rtsp://h/b, max-bytes: -1}
                  - {id: words, url: rtsp://h/c, max-bytes: a lot}
                  - {id: huge, url: rtsp://h/d, max-bytes: 99999999TB}
                  - {id: fine, url: rtsp://h/e, max-bytes: 2GiB}
                """, name -> null);
        assertEquals(
                List.of(
                        "cameras[0] (unit): max-bytes has an unknown unit 'XB' (use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB)",
                        "cameras[1] (minus): max-bytes must not be negative",
                        "cameras[2] (words): max-bytes must be a whole number of bytes or a size like 500MB, 20GB or 1.5TiB",
                        "cameras[3] (huge): max-bytes is too large (at most 9223372036854775807 bytes)"),
                parsed.errors());
        assertEquals(List.of("fine"), List.copyOf(parsed.cameras().keySet()));
    }

    @Test
    void validatorKeepsTheQuotaOnUpdateUnlessZeroRemovesItAndRejectsNegatives() {
        CameraValidator validator = new CameraValidator(30);
        Camera c = validator.validate(
                new CameraRequest("door", null, "rtsp://10.0.0.1/live", null, null, null, null, null, 5_000_000_000L),
                Optional.empty(),
                Camera.Source.API);
        assertEquals(5_000_000_000L, c.maxBytes());
        assertNull(
                validator
                        .validate(
                                new CameraRequest(
                                        "gate", null, "rtsp://10.0.0.2/live", null, null, null, null, null, 0L),
                                Optional.empty(),
                                Camera.Source.API)
                        .maxBytes(),
                "0 on create: no quota");

        Camera kept = validator.validate(
                new CameraRequest(null, "Door", null, null, null, null, null, null, null),
                Optional.of(c),
                Camera.Source.API);
        assertEquals(5_000_000_000L, kept.maxBytes(), "an update without maxBytes keeps it");
        Camera changed = validator.validate(
                new CameraRequest(null, null, null, null, null, null, null, null, 1L << 30),
                Optional.of(c),
                Camera.Source.API);
        assertEquals(1L << 30, changed.maxBytes());
        Camera cleared = validator.validate(
                new CameraRequest(null, null, null, null, null, null, null, null, 0L),
                Optional.of(c),
                Camera.Source.API);
        assertNull(cleared.maxBytes(), "maxBytes 0 removes the quota");

        VigilException e = assertThrows(
                VigilException.class,
                () -> validator.validate(
                        new CameraRequest(null, null, null, null, null, null, null, 0, -1L),
                        Optional.of(c),
                        Camera.Source.API));
        assertEquals(
                Map.of(
                        "maxBytes",
                        "must be a positive number of bytes, or 0 for no quota",
                        "retentionDays",
                        "must be between 1 and 36500"),
                e.fieldErrors());
    }

    @Test
    void cameraHoldsNoQuotaOrAPositiveOne() {
        RtspUrl url = new RtspUrl("rtsp://h/a");
        java.util.function.LongFunction<Camera> withQuota = maxBytes -> new Camera(
                "a",
                "A",
                url,
                null,
                null,
                Camera.Transport.TCP,
                true,
                30,
                maxBytes,
                Camera.Source.API,
                null,
                Camera.Engine.NATIVE);
        for (long bad : new long[] {0, -1}) {
            assertThrows(IllegalArgumentException.class, () -> withQuota.apply(bad));
        }
        Camera c = withQuota.apply(1L);
        assertEquals(1L, c.withEnabled(false).maxBytes());
    }

    @Test
    void validatorCollectsEveryFieldErrorAndMovesCredentialsOutOfTheUrl() {
        CameraValidator validator = new CameraValidator(30);
        VigilException e = assertThrows(
                VigilException.class,
                () -> validator.validate(
                        new CameraRequest(
                                "Bad Id", null, "http://x", null, null, "pigeon", null, 0, null, null, "turbo"),
                        Optional.empty(),
                        Camera.Source.API));
        assertEquals(
                Map.of(
                        "id",
                        e.fieldErrors().get("id"),
                        "url",
                        e.fieldErrors().get("url"),
                        "transport",
                        "must be tcp or udp",
                        "engine",
                        "must be native or ffmpeg",
                        "retentionDays",
                        "must be between 1 and 36500"),
                e.fieldErrors());

        Camera c = validator.validate(
                new CameraRequest(
                        "door", null, "rtsp://bob:s%40cret@10.0.0.1/live", null, null, null, null, null, null),
                Optional.empty(),
                Camera.Source.API);
        assertEquals("bob", c.username());
        assertEquals("s@cret", c.password());
        assertEquals("rtsp://10.0.0.1/live", c.url().value());
        assertFalse(c.toString().contains("s@cret"));

        Camera kept = validator.validate(
                new CameraRequest(null, "Door", null, null, null, null, false, null, null),
                Optional.of(c),
                Camera.Source.API);
        assertEquals("s@cret", kept.password(), "an update without password keeps it");
        Camera cleared = validator.validate(
                new CameraRequest(null, null, null, null, "", null, null, null, null),
                Optional.of(c),
                Camera.Source.API);
        assertNull(cleared.password(), "an empty password removes it");
    }

    @Test
    void redactsCredentialsInFreeText() {
        assertEquals("open rtsp://***@10.0.0.1/a failed", RtspUrl.redact("open rtsp://u:p@10.0.0.1/a failed"));
        assertEquals("rtsps://***@h/x", RtspUrl.redact("rtsps://user@h/x"));
    }

    @Test
    void onlyConnectionChangesMakeARecorderRestart() {
        CameraValidator validator = new CameraValidator(7);
        Camera camera = validator.validate(
                new CameraRequest("gate", "Gate", "rtsp://192.0.2.5/s", "admin", "one", null, true, 30, null),
                Optional.empty(),
                Camera.Source.API);
        Camera renamedWithQuota = validator.validate(
                new CameraRequest(
                        "gate", "Back gate", "rtsp://192.0.2.5/s", "admin", "one", null, true, 90, 20_000_000_000L),
                Optional.empty(),
                Camera.Source.API);
        Camera newPassword = validator.validate(
                new CameraRequest("gate", "Gate", "rtsp://192.0.2.5/s", "admin", "two", null, true, 30, null),
                Optional.empty(),
                Camera.Source.API);
        Camera otherEngine = validator.validate(
                new CameraRequest(null, null, null, null, null, null, null, null, null, null, "ffmpeg"),
                Optional.of(camera),
                Camera.Source.API);
        assertEquals(Camera.Engine.FFMPEG, otherEngine.engine());
        assertEquals(
                Camera.Engine.FFMPEG,
                validator
                        .validate(
                                new CameraRequest(null, "Gate 2", null, null, null, null, null, null, null),
                                Optional.of(otherEngine),
                                Camera.Source.API)
                        .engine(),
                "an update without engine keeps it");
        assertFalse(camera.recordsLike(otherEngine, io.vigil.kernel.StreamName.MAIN), "another engine records it anew");
        assertTrue(camera.recordsLike(renamedWithQuota, io.vigil.kernel.StreamName.MAIN));
        assertFalse(camera.recordsLike(newPassword, io.vigil.kernel.StreamName.MAIN));
        assertFalse(camera.recordsLike(camera.withEnabled(false), io.vigil.kernel.StreamName.MAIN));
    }
}
