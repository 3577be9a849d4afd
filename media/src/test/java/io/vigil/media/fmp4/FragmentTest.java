package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.rtp.AccessUnit;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentTest {

    private static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static final Sample KEYFRAME = new Sample(List.of(nal("65aa")), 3600, true, 0);
    private static final Sample DELTA = new Sample(List.of(nal("41bb"), nal("41cc")), 3600, false, 0);

    @Test
    void writesMoofAndMdatWithTheDataOffsetPastTheMdatHeader() {
        Fragment fragment = new Fragment(1, 90_000, List.of(KEYFRAME, DELTA));
        String expected = String.join(
                "",
                "00000070 6d6f6f66", // moof, 112 bytes
                "00000010 6d666864 00000000 00000001", // mfhd sequence 1
                "00000058 74726166", // traf
                "00000010 74666864 00020000 00000001", // tfhd default-base-is-moof, track 1
                "00000014 74666474 01000000 0000000000015f90", // tfdt v1, 90000
                "0000002c 7472756e 00000701 00000002 00000078", // trun, 2 samples, data at 120
                "00000e10 00000006 02000000", // 3600 ticks, 6 bytes, sync
                "00000e10 0000000c 01010000", // 3600 ticks, 12 bytes, non-sync
                "0000001a 6d646174 00000002 65aa 00000002 41bb 00000002 41cc");
        assertEquals(expected.replace(" ", ""), hex(fragment.bytes()));
        assertTrue(fragment.startsWithKeyframe());
        assertEquals(7200, fragment.durationTicks());
    }

    @Test
    void writesCompositionOffsetsOnlyWhenASampleHasOne() {
        Sample reordered = new Sample(List.of(nal("41dd")), 3600, false, -3600);
        byte[] bytes = new Fragment(2, 0, List.of(DELTA, reordered)).bytes();
        String trun = "00000034 7472756e 01000f01 00000002 00000080"
                + "00000e10 0000000c 01010000 00000000"
                + "00000e10 00000006 01010000 fffff1f0";
        assertTrue(hex(bytes).contains(trun.replace(" ", "")), hex(bytes));
        assertFalse(new Fragment(2, 0, List.of(DELTA)).startsWithKeyframe());
    }

    @Test
    void sampleOfAnAccessUnitDropsParameterSetsAndDelimiters() {
        AccessUnit unit = new AccessUnit(
                180_000,
                List.of(nal("0910"), nal("6764000d"), nal("68ebe3"), nal("0605"), nal("6588")),
                true,
                List.of(nal("6764000d"), nal("68ebe3")));
        Sample sample = Sample.of(unit, 3600);
        assertEquals(List.of(nal("0605"), nal("6588")), sample.nalUnits());
        assertTrue(sample.keyframe());
        assertEquals(12, sample.sizeBytes());
    }

    @Test
    void refusesImpossibleFragmentsAndSamples() {
        assertThrows(IllegalArgumentException.class, () -> new Fragment(0, 0, List.of(KEYFRAME)));
        assertThrows(IllegalArgumentException.class, () -> new Fragment(1L << 32, 0, List.of(KEYFRAME)));
        assertThrows(IllegalArgumentException.class, () -> new Fragment(1, -1, List.of(KEYFRAME)));
        assertThrows(IllegalArgumentException.class, () -> new Fragment(1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Sample(List.of(nal("65")), 0, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sample(List.of(), 3600, true, 0));
    }
}
