package io.vigil.camera;

import io.vigil.error.VigilException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Camera yard = new CameraValidator(7).validate(parsed.cameras().get("yard"), Optional.empty(), Camera.Source.FILE);
        assertEquals(Camera.Transport.UDP, yard.transport());
        assertFalse(yard.enabled());
        assertEquals(7, yard.retentionDays());
    }

    @Test
    void reportsAMissingVariableWithoutTheOtherCameras() {
        CamerasFile.Parsed parsed = CamerasFile.parse(FILE, name -> null);
        assertEquals(1, parsed.errors().size());
        assertTrue(parsed.errors().get(0).contains("LOBBY_PASSWORD"), parsed.errors().get(0));
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
    void validatorCollectsEveryFieldErrorAndMovesCredentialsOutOfTheUrl() {
        CameraValidator validator = new CameraValidator(30);
        VigilException e = assertThrows(VigilException.class, () -> validator.validate(
                new CameraRequest("Bad Id", null, "http://x", null, null, "pigeon", null, 0),
                Optional.empty(), Camera.Source.API));
        assertEquals(Map.of("id", e.fieldErrors().get("id"), "url", e.fieldErrors().get("url"),
                "transport", "must be tcp or udp", "retentionDays", "must be between 1 and 36500"), e.fieldErrors());

        Camera c = validator.validate(new CameraRequest("door", null, "rtsp://bob:s%40cret@10.0.0.1/live", null, null,
                null, null, null), Optional.empty(), Camera.Source.API);
        assertEquals("bob", c.username());
        assertEquals("s@cret", c.password());
        assertEquals("rtsp://10.0.0.1/live", c.url().value());
        assertFalse(c.toString().contains("s@cret"));

        Camera kept = validator.validate(new CameraRequest(null, "Door", null, null, null, null, false, null),
                Optional.of(c), Camera.Source.API);
        assertEquals("s@cret", kept.password(), "an update without password keeps it");
        Camera cleared = validator.validate(new CameraRequest(null, null, null, null, "", null, null, null),
                Optional.of(c), Camera.Source.API);
        assertNull(cleared.password(), "an empty password removes it");
    }

    @Test
    void redactsCredentialsInFreeText() {
        assertEquals("open rtsp://***@10.0.0.1/a failed", RtspUrl.redact("open rtsp://u:p@10.0.0.1/a failed"));
        assertEquals("rtsps://***@h/x", RtspUrl.redact("rtsps://user@h/x"));
    }
}
