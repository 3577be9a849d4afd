package io.vigil.recorder.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The FFmpeg engine's packet timestamps repaired, and where its muxer's output turns from init to media segment. */
class TimestampRepairAndBoxesTest {

    @Test
    void repairsMissingDuplicateAndJumpingTimestamps() {
        TimestampRepair repair = new TimestampRepair(90_000, 5_000);
        assertEquals(new TimestampRepair.Stamp(0, 0), repair.repair(0, 0));
        assertEquals(new TimestampRepair.Stamp(3600, 3600), repair.repair(3600, 3600));
        assertEquals(
                new TimestampRepair.Stamp(7200, 7200),
                repair.repair(7200, TimestampRepair.NO_TIMESTAMP),
                "missing DTS: one frame after the last");
        assertEquals(
                new TimestampRepair.Stamp(7290, 7290), repair.repair(7200, 7200), "duplicate DTS moves on by 1 ms");
        assertEquals(7380, repair.repair(10, 10).dts(), "a small step back is bumped, not rebased");
        TimestampRepair.Stamp afterWrap = repair.repair(-1_000_000, -1_000_000);
        assertEquals(7380 + 3600, afterWrap.dts(), "a jump of 11 s back continues one frame after the last DTS");
        assertEquals(
                new TimestampRepair.Stamp(10980 + 3600, 10980 + 3600),
                repair.repair(-996_400, -996_400),
                "the offset sticks");
        assertEquals(
                new TimestampRepair.Stamp(14580 + 3600, 14580 + 3600),
                repair.repair(TimestampRepair.NO_TIMESTAMP, TimestampRepair.NO_TIMESTAMP),
                "no timestamps at all");
    }

    @Test
    void findsWhereTheMediaSegmentStarts() {
        byte[] bytes = new byte[8 + 16 + 8];
        box(bytes, 0, 8, "ftyp");
        box(bytes, 8, 16, "moov");
        box(bytes, 24, 8, "moof");
        assertEquals(24, Mp4Boxes.firstMediaBox(bytes));
        assertEquals(-1, Mp4Boxes.firstMediaBox(java.util.Arrays.copyOf(bytes, 24)));
    }

    private static void box(byte[] b, int at, int size, String type) {
        b[at + 3] = (byte) size;
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, b, at + 4, 4);
    }
}
