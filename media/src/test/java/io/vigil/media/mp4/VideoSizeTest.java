package io.vigil.media.mp4;

import static io.vigil.media.mp4.HandBuiltBoxes.box;
import static io.vigil.media.mp4.HandBuiltBoxes.concat;
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

/** The picture size a video track's tkhd states, from what the library's writer wrote or worse. */
class VideoSizeTest {

    private static final VideoTrack VIDEO = VideoTrack.h264(List.of(
            ByteBuffer.wrap(HexFormat.of().parseHex("6764000dacd94141fb011000000300100000030320f1429960")),
            ByteBuffer.wrap(HexFormat.of().parseHex("68ebe3cb22c0"))));
    private static final byte[] INIT =
            InitSegment.of(VIDEO, Optional.of(AudioTrack.aac(HexFormat.of().parseHex("1190"))));

    @Test
    void theSizeIsTheOneTheWriterTookFromTheSequenceParameterSet() {
        assertEquals(Optional.of(new VideoSize(VIDEO.widthPixels(), VIDEO.heightPixels())), VideoSize.of(INIT));
    }

    @Test
    void aVersionOneTkhdKeepsItsSizeTwelveBytesLater() {
        byte[] v0 = box("tkhd", new byte[84]);
        byte[] v1 = box("tkhd", new byte[96]);
        v1[8] = 1;
        Box.writeUint32(v0, 8 + 76, 640L << 16);
        Box.writeUint32(v0, 8 + 80, 360L << 16);
        Box.writeUint32(v1, 8 + 88, 1920L << 16 | 0x8000); // a fraction of a pixel is dropped
        Box.writeUint32(v1, 8 + 92, 1080L << 16);

        assertEquals(Optional.of(new VideoSize(640, 360)), VideoSize.of(track(v0)));
        assertEquals(Optional.of(new VideoSize(1920, 1080)), VideoSize.of(track(v1)));
    }

    @Test
    void aTkhdTooShortOrAZeroOrHugeSizeIsRefusedAsMalformed() {
        byte[] shortTkhd = box("tkhd", new byte[80]); // no height
        byte[] zero = box("tkhd", new byte[84]);
        byte[] huge = box("tkhd", new byte[84]);
        Box.writeUint32(huge, 8 + 76, 0xFFFFL << 16);
        Box.writeUint32(huge, 8 + 80, 360L << 16);
        for (byte[] tkhd : List.of(shortTkhd, zero, huge)) {
            MediaException e = assertThrows(MediaException.class, () -> VideoSize.of(track(tkhd)));
            assertEquals(MediaError.MALFORMED_MP4, e.error());
        }
    }

    @Test
    void bytesWithoutAVideoTrackHaveNone() {
        assertEquals(Optional.empty(), VideoSize.of(new byte[0]));
        assertEquals(Optional.empty(), VideoSize.of(new byte[] {0, 0, 0, 8, 'm', 'o', 'o', 'v'}));
    }

    /** An init segment of one video track with this {@code tkhd}. */
    private static byte[] track(byte[] tkhd) {
        byte[] hdlr = box("hdlr", concat(new byte[8], "vide".getBytes(StandardCharsets.ISO_8859_1), new byte[4]));
        return box("moov", box("trak", concat(tkhd, box("mdia", hdlr))));
    }
}
