package io.vigil.media.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.fmp4.AudioTrack;
import io.vigil.media.fmp4.Fragment;
import io.vigil.media.fmp4.InitSegment;
import io.vigil.media.fmp4.Sample;
import io.vigil.media.fmp4.TrackRun;
import io.vigil.media.fmp4.VideoTrack;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading and retiming what the library's own writer wrote, and refusing boxes too short for their fields. */
class FragmentsTest {

    private static final byte[] INIT = InitSegment.of(
            VideoTrack.h264(List.of(hex("6764000dacd94141fb011000000300100000030320f1429960"), hex("68ebe3cb22c0"))),
            Optional.of(AudioTrack.aac(HexFormat.of().parseHex("1190"))));

    @Test
    void theTimescalesAreThoseOfEachTrack() {
        assertEquals(Map.of(1L, 90_000L, 2L, 48_000L), Fragments.timescales(INIT));
    }

    @Test
    void aSegmentOfSeveralPartsIsPlacedByItsFirstPartsDecodeTimes() {
        byte[] segment = concat(fragment(1, 180_000, 96_000), fragment(2, 183_600, 97_024));

        assertEquals(Map.of(1L, 180_000L, 2L, 96_000L), Fragments.decodeTimes(segment));
        assertEquals(Map.of(1L, 180_000L, 2L, 96_000L), Fragments.decodeTimes(ByteBuffer.wrap(segment)));
    }

    @Test
    void shiftingMovesEveryPartOfTheTracksShiftedAndNoOther() {
        byte[] first = fragment(1, 180_000, 96_000);
        byte[] segment = concat(first, fragment(2, 183_600, 97_024));

        Fragments.shiftDecodeTimes(segment, Map.of(1L, -180_000L));

        byte[] secondPart = java.util.Arrays.copyOfRange(segment, first.length, segment.length);
        assertEquals(Map.of(1L, 0L, 2L, 96_000L), Fragments.decodeTimes(segment));
        assertEquals(Map.of(1L, 3_600L, 2L, 97_024L), Fragments.decodeTimes(secondPart));
    }

    @Test
    void aTfdtTooShortForItsTimeIsRefusedAsMalformedNotReadPast() {
        byte[] segment = fragment(1, 180_000, 96_000);
        int tfdt = indexOf(segment, "tfdt") - 4;
        segment[tfdt + 3] = 12; // the box now claims 12 bytes: header and version/flags, no time

        MediaException e = assertThrows(MediaException.class, () -> Fragments.decodeTimes(segment));

        assertEquals(MediaError.MALFORMED_MP4, e.error());
    }

    @Test
    void anInitSegmentWithoutTracksIsRefusedAsMalformed() {
        MediaException e = assertThrows(MediaException.class, () -> Fragments.timescales(new byte[] {0, 0, 0, 8}));

        assertEquals(MediaError.MALFORMED_MP4, e.error());
    }

    private static byte[] fragment(long sequence, long videoTicks, long audioTicks) {
        Sample video = new Sample(
                List.of(ByteBuffer.wrap(new byte[] {0x65, (byte) 0x88, 0x10})),
                Sample.Framing.LENGTH_PREFIXED,
                3600,
                true,
                0);
        Sample audio = new Sample(List.of(ByteBuffer.wrap(new byte[] {0x21, 0x10})), Sample.Framing.RAW, 1024, true, 0);
        return new Fragment(
                        sequence,
                        List.of(
                                new TrackRun(1, videoTicks, List.of(video)),
                                new TrackRun(2, audioTicks, List.of(audio))))
                .bytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] bytes, String type) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (bytes[i] == t[0] && bytes[i + 1] == t[1] && bytes[i + 2] == t[2] && bytes[i + 3] == t[3]) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
