package io.vigil.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CameraIdTest {

    /** Strings that must never pass as a camera id: each could name another path, key or column value. */
    static final List<String> HOSTILE = List.of(
            "",
            " ",
            "..",
            ".",
            "../../etc",
            "..\\..\\etc",
            "a/b",
            "/tmp/x",
            "a\u0000b",
            "a\nb",
            "Lobby",
            "LOBBY",
            "lobby ",
            " lobby",
            "-lobby",
            "lob.by",
            "lob_by",
            "caméra",
            "\u0430bc" /* Cyrillic a */,
            "a".repeat(64),
            "a".repeat(1000),
            "%2e%2e",
            "lobby%2F..",
            "a\\b",
            "*",
            "lobby;drop");

    @Test
    void acceptsTheSlugGrammarOnly() {
        for (String id : List.of("a", "0", "lobby", "gate-2", "a-", "9lives", "a".repeat(63))) {
            assertTrue(CameraId.isValid(id), id);
            assertEquals(id, new CameraId(id).value());
        }
        for (String id : HOSTILE) {
            assertFalse(CameraId.isValid(id), id);
            assertThrows(IllegalArgumentException.class, () -> new CameraId(id), id);
        }
        assertFalse(CameraId.isValid(null));
    }

    @Test
    void refusesAMalformedIdAsAValidationErrorNamingTheFieldWithoutEchoingControlCharacters() {
        VigilException e =
                assertThrows(VigilException.class, () -> CameraId.require("cameraId", "a\u0000b\r\nX-Injected: 1"));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(Map.of("cameraId", CameraId.RULE), e.fieldErrors());
        assertEquals("cameraId: " + CameraId.RULE + ", got \"a?b??X-Injected: 1\"", e.getMessage());
        VigilException longOne = assertThrows(VigilException.class, () -> CameraId.require("id", "x".repeat(5000)));
        assertTrue(longOne.getMessage().endsWith("x".repeat(80) + "...\""), longOne.getMessage());
        assertEquals("lobby", CameraId.require("id", "lobby").value());
    }
}
