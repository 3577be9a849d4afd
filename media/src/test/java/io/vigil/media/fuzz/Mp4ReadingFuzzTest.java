package io.vigil.media.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigil.media.MediaException;
import io.vigil.media.fmp4.AudioTrack;
import io.vigil.media.fmp4.Fragment;
import io.vigil.media.fmp4.InitSegment;
import io.vigil.media.fmp4.Sample;
import io.vigil.media.fmp4.TrackRun;
import io.vigil.media.fmp4.VideoTrack;
import io.vigil.media.mp4.AacObjectType;
import io.vigil.media.mp4.Fragments;
import io.vigil.media.mp4.VideoSize;
import io.vigil.media.mp4.VideoTiming;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Init and media segments as clip export reads and retimes them, and as a DASH manifest reads their timing (a segment
 * in the store may have been altered): values or {@code MALFORMED_MP4}, whatever the bytes. The first input byte picks
 * raw bytes, or a segment the library wrote (init segment with audio, or two fragments) with the rest of the input
 * overwriting bytes of it, so the fuzzer reaches the fields behind well-formed boxes.
 */
class Mp4ReadingFuzzTest {

    private static final byte[] INIT = InitSegment.of(
            VideoTrack.h264(List.of(hex("6764000dacd94141fb011000000300100000030320f1429960"), hex("68ebe3cb22c0"))),
            Optional.of(AudioTrack.aac(HexFormat.of().parseHex("1190"))));
    private static final byte[] SEGMENT = segment();

    @FuzzTest(maxDuration = FuzzRun.DURATION)
    void anySegmentIsReadOrRefusedAsMalformed(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] bytes = switch (input[0] & 3) {
            case 0 -> java.util.Arrays.copyOfRange(input, 1, input.length);
            case 1 -> overwritten(INIT, input);
            default -> overwritten(SEGMENT, input);
        };
        try {
            Fragments.timescales(bytes);
            VideoTiming.of(bytes);
            VideoSize.of(bytes);
            AacObjectType.of(bytes);
            Fragments.sampleDescriptions(bytes);
            Fragments.withComment(bytes, "exported");
        } catch (MediaException refused) {
            // not an init segment it can read
        }
        try {
            Fragments.decodeTimes(bytes);
            Fragments.decodeTimes(ByteBuffer.wrap(bytes));
            Fragments.shiftDecodeTimes(bytes.clone(), Map.of(1L, 90_000L, 2L, 48_000L));
            Fragments.shiftDecodeTimes(ByteBuffer.wrap(bytes.clone()), Map.of(1L, 90_000L));
        } catch (MediaException refused) {
            // not a media segment it can read
        } catch (IllegalArgumentException shiftTooFar) {
            // a 32-bit decode time the shift would overflow: the one refusal of a well-formed segment
        }
    }

    /** {@code base} with input bytes from the second on written over it, two bytes of position then one of value. */
    private static byte[] overwritten(byte[] base, byte[] input) {
        byte[] bytes = base.clone();
        for (int i = 1; i + 2 < input.length; i += 3) {
            int at = ((input[i] & 0xFF) << 8 | (input[i + 1] & 0xFF)) % bytes.length;
            bytes[at] = input[i + 2];
        }
        return bytes;
    }

    private static byte[] segment() {
        ByteBuffer picture = ByteBuffer.wrap(new byte[] {0x65, (byte) 0x88, 0x10, 0x20});
        Sample video = new Sample(List.of(picture), Sample.Framing.LENGTH_PREFIXED, 3600, true, 0);
        Sample audio = new Sample(List.of(ByteBuffer.wrap(new byte[] {0x21, 0x10})), Sample.Framing.RAW, 1024, true, 0);
        byte[] first = new Fragment(1, List.of(new TrackRun(1, 0, List.of(video)), new TrackRun(2, 0, List.of(audio))))
                .bytes();
        byte[] second = new Fragment(2, List.of(new TrackRun(1, 3600, List.of(video)))).bytes();
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }
}
