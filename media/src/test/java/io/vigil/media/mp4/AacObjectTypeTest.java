package io.vigil.media.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.media.MediaError;
import io.vigil.media.MediaException;
import io.vigil.media.fmp4.AudioTrack;
import io.vigil.media.fmp4.InitSegment;
import io.vigil.media.fmp4.VideoTrack;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AAC object type from the esds the library's writer wrote, escaped, absent, and broken. */
class AacObjectTypeTest {

    private static final VideoTrack VIDEO =
            VideoTrack.h264(List.of(hex("6764000dacd94141fb011000000300100000030320f1429960"), hex("68ebe3cb22c0")));
    /** AAC-LC, 48 kHz, stereo: object type 2. */
    private static final byte[] INIT =
            InitSegment.of(VIDEO, Optional.of(AudioTrack.aac(HexFormat.of().parseHex("1190"))));

    @Test
    void aacLcIsObjectTypeTwo() {
        assertEquals(Optional.of(2), AacObjectType.of(INIT));
    }

    @Test
    void anEscapedObjectTypeIsThirtyTwoPlusTheNextSixBits() {
        byte[] init = INIT.clone();
        int config = indexOf(init, new byte[] {0x05, 0x02, 0x11, (byte) 0x90}) + 2;
        init[config] = (byte) 0xF9; // 11111 001...
        init[config + 1] = 0x40; // ...010: 32 + 10
        assertEquals(Optional.of(42), AacObjectType.of(init));
    }

    @Test
    void noAudioTrackOrAudioOtherThanMpeg4HasNone() {
        assertEquals(Optional.empty(), AacObjectType.of(InitSegment.of(VIDEO, Optional.empty())));
        byte[] mp3 = INIT.clone();
        mp3[indexOf(mp3, new byte[] {0x04, 0x11, 0x40}) + 2] = 0x6B; // MPEG-1 audio
        assertEquals(Optional.empty(), AacObjectType.of(mp3));
        assertEquals(Optional.empty(), AacObjectType.of(new byte[0]));
    }

    @Test
    void aDescriptorLongerThanItsBoxIsRefusedAsMalformed() {
        byte[] init = INIT.clone();
        init[indexOf(init, new byte[] {0x04, 0x11, 0x40}) + 1] = 0x7F;
        assertMalformed(init);
    }

    @Test
    void aDescriptorSizeOfMoreThanFourBytesIsRefusedAsMalformed() {
        byte[] init = INIT.clone();
        int es = indexOf(
                init, new byte[] {0x03}, indexOf(init, "esds".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0));
        for (int i = 1; i <= 5; i++) {
            init[es + i] = (byte) 0x80;
        }
        assertMalformed(init);
    }

    private static void assertMalformed(byte[] init) {
        MediaException e = assertThrows(MediaException.class, () -> AacObjectType.of(init));
        assertEquals(MediaError.MALFORMED_MP4, e.error());
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        return indexOf(bytes, needle, 0);
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found: " + HexFormat.of().formatHex(needle));
    }

    private static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
