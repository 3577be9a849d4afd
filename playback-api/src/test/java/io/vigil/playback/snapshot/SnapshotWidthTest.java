package io.vigil.playback.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.VigilException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotWidthTest {

    @ParameterizedTest(name = "{0}x{1} at width {2} is {3}x{4}")
    @CsvSource({
        // frame, width asked -> shown
        "1920, 1080, 160,  160,  90",
        "640,  360,  160,  160,  90",
        "640,  480,  200,  200,  150",
        "1280, 720,  1280, 1280, 720", // the frame's own width: as it is
        "640,  360,  2000, 640,  360", // never made larger
        "4000, 16,   16,   16,   1", // at least one pixel high
        "1000, 333,  100,  100,  33", // rounded
    })
    void aSnapshotIsScaledDownToTheWidthAskedKeepingItsShapeAndNeverUp(
            int frameWidth, int frameHeight, int asked, int width, int height) {
        assertArrayEquals(new int[] {width, height}, new SnapshotWidth(asked).scale(frameWidth, frameHeight));
    }

    @ParameterizedTest
    @NullSource
    void noWidthMeansTheFramesOwnSize(String none) {
        assertNull(SnapshotWidth.parse(none));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16", "160", " 320 ", "7680"})
    void aWidthIsAWholeNumberOfPixelsFrom16To7680(String text) {
        assertEquals(Integer.parseInt(text.strip()), SnapshotWidth.parse(text).widthPixels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "0", "-160", "7681", "160px", "1e3", "99999999999"})
    void anythingElseIsRefusedNamingWidth(String text) {
        VigilException refused = assertThrows(VigilException.class, () -> SnapshotWidth.parse(text));
        assertEquals(
                "a whole number of pixels from 16 to 7680, not '" + text + "'",
                refused.fieldErrors().get("width"));
    }
}
