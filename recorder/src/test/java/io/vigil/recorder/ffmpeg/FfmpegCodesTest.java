package io.vigil.recorder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.recorder.StreamError;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * FFmpeg's return codes as the camera's status says them: words, never the number (a wall tile once read "Invalid data
 * found when processing input (-825242872)"); the number and FFmpeg's own text only in the error's log detail.
 */
class FfmpegCodesTest {

    /** A number longer than an HTTP status: an FFmpeg or errno code. */
    private static final Pattern A_CODE = Pattern.compile("\\d{4,}");

    /** FFmpeg's FFERRTAG: a negated four-character tag. */
    private static int tag(int a, char b, char c, char d) {
        return -(a | (b << 8) | (c << 16) | (d << 24));
    }

    @Test
    void theTagsAreFfmpegsOwn() {
        assertEquals(-825242872, tag(0xF8, '4', '0', '1'), "HTTP 401");
        assertEquals(-1094995529, tag('I', 'N', 'D', 'A'), "invalid data");
    }

    @Test
    void saysWhatACodeMeansInWords() {
        Object[][] cases = {
            {tag(0xF8, '4', '0', '1'), "authorization failed (401 Unauthorized)", StreamError.Kind.UNAUTHORIZED},
            {tag(0xF8, '4', '0', '3'), "the camera refused access (403 Forbidden)", StreamError.Kind.UNAUTHORIZED},
            {
                tag(0xF8, '4', '0', '4'),
                "the camera has no stream at this address (404 Not Found)",
                StreamError.Kind.STREAM
            },
            {tag('I', 'N', 'D', 'A'), "the camera's answer or stream could not be read", StreamError.Kind.STREAM},
            {tag('E', 'O', 'F', ' '), "the stream ended", StreamError.Kind.STREAM},
            {-111, "the camera refused the connection", StreamError.Kind.UNREACHABLE},
            {-110, "the camera did not answer in time", StreamError.Kind.UNREACHABLE},
            {-113, "the camera's host is unreachable", StreamError.Kind.UNREACHABLE},
            {-104, "the camera closed the connection", StreamError.Kind.STREAM},
            {-5, "the connection to the camera failed", StreamError.Kind.UNREACHABLE},
        };
        for (Object[] c : cases) {
            int code = (Integer) c[0];
            assertEquals(c[1], FfmpegCodes.words(code), "code " + code);
            StreamError error = FfmpegCodes.error("cannot open RTSP session", code);
            assertEquals("cannot open RTSP session: " + c[1], error.getMessage());
            assertEquals(c[2], error.kind(), "code " + code);
            assertFalse(A_CODE.matcher(error.getMessage()).find(), error.getMessage());
            assertTrue(error.forLog().startsWith(error.getMessage() + " [FFmpeg: "), error.forLog());
            assertTrue(error.forLog().endsWith("(" + code + ")]"), "the log keeps the code: " + error.forLog());
        }
    }

    @Test
    void everyCodeIsWordsWithoutItsNumber() {
        for (int code : new int[] {-1, -2, -22, -12345, -1000000, tag('P', 'A', 'W', 'E'), tag(0xF8, '5', 'X', 'X')}) {
            String words = FfmpegCodes.words(code);
            assertFalse(words.isBlank(), "code " + code);
            assertFalse(A_CODE.matcher(words).find(), words);
            assertFalse(words.contains(Integer.toString(-code)), words);
            assertFalse(
                    FfmpegCodes.error("cannot mux packet", code).getMessage().contains(Integer.toString(code)));
        }
    }
}
