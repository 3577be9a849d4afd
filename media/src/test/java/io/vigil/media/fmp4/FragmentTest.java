package io.vigil.media.fmp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.rtp.AccessUnit;
import io.vigil.media.rtp.AudioFrame;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FragmentTest {

    private static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static final Sample KEYFRAME =
            new Sample(List.of(nal("65aa")), Sample.Framing.LENGTH_PREFIXED, 3600, true, 0);
    private static final Sample DELTA =
            new Sample(List.of(nal("41bb"), nal("41cc")), Sample.Framing.LENGTH_PREFIXED, 3600, false, 0);

    private static TrackRun video(long baseTicks, Sample... samples) {
        return new TrackRun(InitSegment.VIDEO_TRACK_ID, baseTicks, List.of(samples));
    }

    @Test
    void writesMoofAndMdatWithTheDataOffsetPastTheMdatHeader() {
        Fragment fragment = new Fragment(1, List.of(video(90_000, KEYFRAME, DELTA)));
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
        assertEquals(7200, fragment.runs().get(0).durationTicks());
        assertEquals(97_200, fragment.runs().get(0).endDecodeTimeTicks());
    }

    @Test
    void writesATrafPerTrackAndTheirSamplesOneRunAfterTheOtherInOneMdat() {
        TrackRun audio = new TrackRun(
                InitSegment.AUDIO_TRACK_ID,
                48_000,
                List.of(
                        Sample.audio(new AudioFrame(0, nal("21aa")), 1024),
                        Sample.audio(new AudioFrame(1024, nal("21bbcc")), 1024)));
        Fragment fragment = new Fragment(7, List.of(video(90_000, KEYFRAME), audio));
        String expected = String.join(
                "",
                "000000bc 6d6f6f66", // moof, 188 bytes
                "00000010 6d666864 00000000 00000007",
                "0000004c 74726166", // video traf
                "00000010 74666864 00020000 00000001",
                "00000014 74666474 01000000 0000000000015f90",
                "00000020 7472756e 00000701 00000001 000000c4", // data at 196: past moof and mdat header
                "00000e10 00000006 02000000",
                "00000058 74726166", // audio traf
                "00000010 74666864 00020000 00000002",
                "00000014 74666474 01000000 000000000000bb80", // 48000: one tick a sample
                "0000002c 7472756e 00000701 00000002 000000ca", // data at 202: after the video sample's 6 bytes
                "00000400 00000002 02000000", // 1024 ticks, 2 bytes, sync
                "00000400 00000003 02000000",
                "00000013 6d646174 00000002 65aa 21aa 21bbcc"); // audio frames raw, no length
        assertEquals(expected.replace(" ", ""), hex(fragment.bytes()));
        assertEquals(50_048, audio.endDecodeTimeTicks());
    }

    @Test
    void leavesOutARunWithoutSamples() {
        TrackRun noAudio = new TrackRun(InitSegment.AUDIO_TRACK_ID, 0, List.of());
        Fragment fragment = new Fragment(1, List.of(video(90_000, KEYFRAME, DELTA), noAudio));
        assertEquals(List.of(video(90_000, KEYFRAME, DELTA)), fragment.runs());
        assertEquals(hex(new Fragment(1, List.of(video(90_000, KEYFRAME, DELTA))).bytes()), hex(fragment.bytes()));
    }

    @Test
    void writesSignedCompositionOffsetsInTrunVersion1OnlyWhenASampleHasOne() {
        Sample reordered = new Sample(List.of(nal("41dd")), Sample.Framing.LENGTH_PREFIXED, 3600, false, -3600);
        byte[] bytes = new Fragment(2, List.of(video(0, DELTA, reordered))).bytes();
        String trun = "00000034 7472756e 01000f01 00000002 00000080"
                + "00000e10 0000000c 01010000 00000000"
                + "00000e10 00000006 01010000 fffff1f0";
        assertTrue(hex(bytes).contains(trun.replace(" ", "")), hex(bytes));
        assertFalse(new Fragment(2, List.of(video(0, DELTA))).startsWithKeyframe());
    }

    @Test
    void videoSampleDropsTheCodecsParameterSetsAndDelimiters() {
        AccessUnit h264 = new AccessUnit(
                180_000,
                List.of(nal("0910"), nal("6764000d"), nal("68ebe3"), nal("0605"), nal("6588")),
                true,
                List.of(nal("6764000d"), nal("68ebe3")));
        Sample sample = Sample.video(h264, 3600, 0, VideoCodec.H264).orElseThrow();
        assertEquals(List.of(nal("0605"), nal("6588")), sample.data());
        assertTrue(sample.keyframe());
        assertEquals(12, sample.sizeBytes());

        AccessUnit h265 = new AccessUnit(
                0,
                List.of(nal("4601"), nal("4001"), nal("4201"), nal("4401"), nal("4e01"), nal("2601af"), nal("5001")),
                true,
                List.of(nal("4001"), nal("4201"), nal("4401")));
        Sample irap = Sample.video(h265, 3000, 1500, VideoCodec.H265).orElseThrow();
        assertEquals(List.of(nal("4e01"), nal("2601af"), nal("5001")), irap.data()); // prefix SEI, IDR, suffix SEI
        assertEquals(1500, irap.compositionOffsetTicks());
        assertEquals(19, irap.sizeBytes());
    }

    @Test
    void anAccessUnitOfParameterSetsAloneIsNoSample() {
        AccessUnit setsOnly = new AccessUnit(0, List.of(nal("4001"), nal("4201"), nal("4401")), false, List.of());
        assertEquals(Optional.empty(), Sample.video(setsOnly, 3000, 0, VideoCodec.H265));
    }

    @Test
    void audioSampleIsTheFramesRawBytesAndASyncSample() {
        Sample sample = Sample.audio(new AudioFrame(2048, nal("211a2b")), 1024);
        assertEquals(3, sample.sizeBytes());
        assertTrue(sample.keyframe());
        assertEquals(Sample.Framing.RAW, sample.framing());
    }

    @Test
    void refusesImpossibleFragmentsRunsAndSamples() {
        assertThrows(IllegalArgumentException.class, () -> new Fragment(0, List.of(video(0, KEYFRAME))));
        assertThrows(IllegalArgumentException.class, () -> new Fragment(1L << 32, List.of(video(0, KEYFRAME))));
        assertThrows(IllegalArgumentException.class, () -> new Fragment(1, List.of(video(0))));
        assertThrows(
                IllegalArgumentException.class, () -> new Fragment(1, List.of(video(0, KEYFRAME), video(3600, DELTA))));
        assertThrows(IllegalArgumentException.class, () -> video(-1, KEYFRAME));
        assertThrows(IllegalArgumentException.class, () -> new TrackRun(0, 0, List.of(KEYFRAME)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Sample(List.of(nal("65")), Sample.Framing.LENGTH_PREFIXED, 0, true, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Sample(List.of(), Sample.Framing.LENGTH_PREFIXED, 3600, true, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Sample(List.of(nal("21")), Sample.Framing.RAW, 1024, true, 1));
    }
}
