package io.vigil.media.mp4;

import static io.vigil.media.mp4.HandBuiltBoxes.box;
import static io.vigil.media.mp4.HandBuiltBoxes.concat;
import static io.vigil.media.mp4.HandBuiltBoxes.indexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.fmp4.AudioTrack;
import io.vigil.media.fmp4.InitSegment;
import io.vigil.media.fmp4.VideoTrack;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The video track and its timescale, found by its handler, from what the library's writer wrote or worse. */
class VideoTimingTest {

    private static final byte[] INIT = InitSegment.of(
            VideoTrack.h264(List.of(hex("6764000dacd94141fb011000000300100000030320f1429960"), hex("68ebe3cb22c0"))),
            Optional.of(AudioTrack.aac(HexFormat.of().parseHex("1190"))));

    @Test
    void theVideoTrackIsTrackOneAtNinetyKilohertz() {
        assertEquals(Optional.of(new VideoTiming(1, 90_000)), VideoTiming.of(INIT));
    }

    @Test
    void theVideoTrackIsFoundByItsHandlerNotItsPlace() {
        byte[] swapped = INIT.clone();
        int video = indexOf(swapped, "vide", 0);
        int audio = indexOf(swapped, "soun", 0);
        System.arraycopy("soun".getBytes(StandardCharsets.ISO_8859_1), 0, swapped, video, 4);
        System.arraycopy("vide".getBytes(StandardCharsets.ISO_8859_1), 0, swapped, audio, 4);

        assertEquals(Optional.of(new VideoTiming(2, 48_000)), VideoTiming.of(swapped));
    }

    @Test
    void bytesWithoutAVideoTrackHaveNone() {
        byte[] audioOnly = INIT.clone();
        System.arraycopy("soun".getBytes(StandardCharsets.ISO_8859_1), 0, audioOnly, indexOf(audioOnly, "vide", 0), 4);

        assertEquals(Optional.empty(), VideoTiming.of(audioOnly));
        assertEquals(Optional.empty(), VideoTiming.of(new byte[0]));
        assertEquals(Optional.empty(), VideoTiming.of(new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'v'}));
    }

    @Test
    void anMdhdTooShortForItsTimescaleIsRefusedAsMalformed() {
        byte[] tkhd = box("tkhd", new byte[16]); // version 0: the track id at 12
        byte[] mdhd = box("mdhd", new byte[8]); // version, flags and creation time: no timescale
        byte[] hdlr = box("hdlr", concat(new byte[8], "vide".getBytes(StandardCharsets.ISO_8859_1), new byte[4]));
        byte[] init = box("moov", box("trak", concat(tkhd, box("mdia", concat(mdhd, hdlr)))));

        MediaException e = assertThrows(MediaException.class, () -> VideoTiming.of(init));

        assertEquals(MediaError.MALFORMED_MP4, e.error());
    }

    @Test
    void aTimescaleOfZeroIsRefusedAsMalformed() {
        byte[] init = INIT.clone();
        int timescale = indexOf(init, "mdhd", 0) + 4 + 4 + 8; // version 0: after creation and modification times
        Box.writeUint32(init, timescale, 0);

        MediaException e = assertThrows(MediaException.class, () -> VideoTiming.of(init));

        assertEquals(MediaError.MALFORMED_MP4, e.error());
    }

    private static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
