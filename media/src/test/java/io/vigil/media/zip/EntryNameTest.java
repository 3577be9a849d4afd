package io.vigil.media.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNameTest {

    @ParameterizedTest(name = "''{0}'' is kept")
    @ValueSource(
            strings = {
                "README.txt",
                "incident-42/cameras/dock/clip.mp4",
                "incident-42/Überwachung/ドック.json",
                "a..b/c.",
                ".hidden/..x",
                "2026-12-07T03-37-31Z.json"
            })
    void relativePathsOfNamedSegmentsAreKeptInUtf8(String name) {
        EntryName entry = EntryName.of(name);
        assertEquals(name, entry.value());
        assertArrayEquals(name.getBytes(StandardCharsets.UTF_8), entry.utf8());
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''               | is empty",
                "/etc/passwd      | is absolute",
                "C:x              | colon",
                "c:/x             | colon",
                "clip.mp4:hidden  | colon",
                "a\\b             | backslash",
                "..               | segment",
                "../x             | segment",
                "a/../b           | segment",
                "a/..             | segment",
                "./a              | segment",
                "a/./b            | segment",
                "a//b             | segment",
                "a/               | segment"
            })
    void pathsThatCouldLeaveTheDirectoryOrReadDifferentlyAreRefused(String name, String why) {
        MediaException refused = assertThrows(MediaException.class, () -> EntryName.of(name));
        assertEquals(MediaError.ZIP_NAME_REFUSED, refused.error());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void controlCharactersUnpairedSurrogatesAndNullAreRefused() {
        for (String name : new String[] {"a\u0000b", "a\nb", "a\u007fb", "x\ud800y", null}) {
            MediaException refused = assertThrows(MediaException.class, () -> EntryName.of(name));
            assertEquals(MediaError.ZIP_NAME_REFUSED, refused.error());
            assertTrue(!refused.getMessage().contains("\n"), "no control character in the message");
        }
    }

    @Test
    void aNameTakesAtMost65535BytesOfUtf8() {
        String longest = "é".repeat(32_767) + "x"; // 65,535 bytes
        assertEquals(65_535, EntryName.of(longest).utf8().length);
        MediaException refused = assertThrows(MediaException.class, () -> EntryName.of("é".repeat(32_768)));
        assertTrue(refused.getMessage().contains("65536 bytes of UTF-8"), refused.getMessage());
    }
}
