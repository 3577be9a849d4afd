package io.vigil.recorder.nativeengine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.media.fmp4.VideoCodec;
import io.vigil.media.rtp.AccessUnit;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the native engine's segments and parts begin and end, from access units alone. */
class NativeSegmenterTest {

    /** SPS and PPS of libx264, 320x240, yuv420p. */
    private static final List<ByteBuffer> PARAMETERS = List.of(
            ByteBuffer.wrap(HexFormat.of().parseHex("6764000dacb20283f60220000003002000000641e28549")),
            ByteBuffer.wrap(HexFormat.of().parseHex("68ebc3cb22c0")));

    private static final List<ByteBuffer> OTHER_PARAMETERS = List.of(
            ByteBuffer.wrap(HexFormat.of().parseHex("6764000dacb20283f60220000003002000000641e28549")),
            ByteBuffer.wrap(HexFormat.of().parseHex("68ebc3cb22c1")));

    private static final long FRAME_TICKS = 3_600; // 25 fps at 90 kHz

    private final Recorded recorded = new Recorded();

    @Test
    void aOneSecondGopIsCutIntoTwoSecondSegmentsOfHalfSecondParts() throws Exception {
        NativeSegmenter segmenter = segmenter(2_000, 500);
        long first = 4_000_000_000L; // a timestamp past 2^31: stream time starts at 0 all the same
        for (int i = 0; i < 250; i++) {
            segmenter.video(unit(first + i * FRAME_TICKS, i % 25 == 0, PARAMETERS));
        }
        segmenter.finish();

        assertEquals(1, recorded.inits.size(), "one init segment");
        assertEquals(5, recorded.segments.size());
        for (int s = 0; s < 5; s++) {
            Recorded.Segment segment = recorded.segments.get(s);
            assertEquals(s * 2_000_000L, segment.startMicros());
            assertEquals(2_000_000L, segment.durationMicros());
            assertEquals(50, segment.frames());
            assertTrue(segment.keyframeStart());
            // 500 ms parts: a part never outgrows its target, so 12 frames (480 ms) + 12 + 12 + 12 + 2
            assertEquals(5, Boxes.count(segment.bytes(), "moof"), "parts in segment " + s);
        }
    }

    @Test
    void everyPartGoesOutAsItIsWrittenNoLongerThanItsTargetAndTheFirstOfASegmentIndependent() throws Exception {
        NativeSegmenter segmenter = segmenter(2_000, 200);
        for (int i = 0; i < 100; i++) {
            segmenter.video(unit(i * FRAME_TICKS, i % 50 == 0, PARAMETERS));
            assertEquals((i + 1) / 5, recorded.parts.size(), "a part goes out with its fifth frame, not after it");
        }
        assertEquals(1, recorded.segments.size(), "the second ends when the next keyframe comes");
        segmenter.video(unit(100 * FRAME_TICKS, true, PARAMETERS));
        assertEquals(2, recorded.segments.size());
        assertEquals(20, recorded.parts.size(), "200 ms parts of 5 frames, 10 per 2 s segment");
        for (int p = 0; p < recorded.parts.size(); p++) {
            Recorded.Part part = recorded.parts.get(p);
            assertEquals(200_000L, part.durationMicros(), "part " + p);
            assertEquals(p % 10 == 0, part.independent(), "part " + p + " starts with a keyframe");
            assertEquals(p < 10 ? 0L : 2_000_000L, part.segmentStartMicros(), "part " + p + "'s segment");
        }
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (int p = 0; p < 10; p++) {
            joined.write(recorded.parts.get(p).bytes());
        }
        assertArrayEquals(recorded.segments.get(0).bytes(), joined.toByteArray(), "a segment is its parts");
    }

    @Test
    void aPartClosedAtItsLastFrameLeavesTheNextPartAtTheNextFramesOwnTime() throws Exception {
        NativeSegmenter segmenter = segmenter(2_000, 200);
        long timestamp = 0;
        for (int i = 0; i < 11; i++) {
            segmenter.video(unit(timestamp, i == 0, PARAMETERS));
            // the fifth frame closes the first part as if 40 ms long; the sixth comes 80 ms after it
            timestamp += i == 4 ? 2 * FRAME_TICKS : FRAME_TICKS;
        }
        assertEquals(2, recorded.parts.size());
        assertEquals(200_000L, recorded.parts.get(0).durationMicros(), "closed with the last measured duration");
        assertTrue(recorded.parts.get(0).endsWithNewestFrame());
        assertEquals(
                5 * FRAME_TICKS + FRAME_TICKS,
                io.vigil.media.mp4.Fragments.decodeTimes(recorded.parts.get(1).bytes())
                        .get((long) PartBuilder.VIDEO_TRACK_ID),
                "the second part starts at its first frame's own time, 240 ms");
    }

    @Test
    void framesBeforeTheFirstKeyframeAreNotRecorded() throws Exception {
        NativeSegmenter segmenter = segmenter(2_000, 2_000);
        for (int i = 0; i < 60; i++) {
            segmenter.video(unit(i * FRAME_TICKS, i == 10 || i == 35, PARAMETERS));
        }
        segmenter.finish();
        assertEquals(1, recorded.segments.size());
        assertEquals(400_000L, recorded.segments.get(0).startMicros(), "starts at the first keyframe");
        assertEquals(50, recorded.segments.get(0).frames());
    }

    @Test
    void newParameterSetsEndTheSegmentAndMakeANewInitSegment() throws Exception {
        NativeSegmenter segmenter = segmenter(2_000, 2_000);
        for (int i = 0; i < 75; i++) {
            segmenter.video(unit(i * FRAME_TICKS, i % 25 == 0, i < 25 ? PARAMETERS : OTHER_PARAMETERS));
        }
        segmenter.finish();
        assertEquals(2, recorded.inits.size());
        assertEquals(
                List.of(0L, 1_000_000L),
                recorded.segments.stream().map(Recorded.Segment::startMicros).toList());
        assertEquals(
                List.of(25, 50),
                recorded.segments.stream().map(Recorded.Segment::frames).toList());
    }

    @Test
    void reorderedFramesAreRefused() throws Exception {
        NativeSegmenter segmenter = segmenter(2_000, 500);
        segmenter.video(unit(0, true, PARAMETERS));
        segmenter.video(unit(3 * FRAME_TICKS, false, PARAMETERS));
        assertThrows(
                NativeSegmenter.ReorderedFrames.class, () -> segmenter.video(unit(FRAME_TICKS, false, PARAMETERS)));
    }

    @Test
    void aSessionEndingBeforeItsFirstKeyframeStoresNothing() throws Exception {
        NativeSegmenter segmenter = segmenter(2_000, 500);
        segmenter.video(unit(0, false, PARAMETERS));
        segmenter.finish();
        assertEquals(List.of(), recorded.segments);
        assertEquals(List.of(), recorded.inits);
    }

    private NativeSegmenter segmenter(long segmentMillis, long partMillis) {
        return new NativeSegmenter(VideoCodec.H264, Optional.empty(), segmentMillis, partMillis, recorded);
    }

    private static AccessUnit unit(long timestamp, boolean keyframe, List<ByteBuffer> parameterSets) {
        byte[] slice = new byte[64];
        slice[0] = (byte) (keyframe ? 0x65 : 0x41);
        slice[1] = (byte) 0x88;
        List<ByteBuffer> nals = new ArrayList<>();
        if (keyframe) {
            parameterSets.forEach(p -> nals.add(p.duplicate()));
        }
        nals.add(ByteBuffer.wrap(slice));
        return new AccessUnit(timestamp, nals, keyframe, parameterSets);
    }

    /** What the segmenter handed over. */
    static final class Recorded implements NativeSegmenter.Sink {
        @SuppressWarnings("ArrayRecordComponent") // test data, read field by field
        record Segment(byte[] bytes, long startMicros, long durationMicros, boolean keyframeStart, int frames) {}

        @SuppressWarnings("ArrayRecordComponent") // test data, read field by field
        record Part(
                byte[] bytes,
                long segmentStartMicros,
                long durationMicros,
                boolean independent,
                boolean endsWithNewestFrame) {}

        final List<byte[]> inits = new ArrayList<>();
        final List<Segment> segments = new ArrayList<>();
        final List<Part> parts = new ArrayList<>();

        @Override
        public void part(
                byte[] bytes,
                long segmentStartMicros,
                long durationMicros,
                boolean independent,
                boolean endsWithNewestFrame) {
            parts.add(new Part(bytes, segmentStartMicros, durationMicros, independent, endsWithNewestFrame));
        }

        @Override
        public void init(byte[] initSegment) {
            inits.add(initSegment);
        }

        @Override
        public void segment(byte[] bytes, long startMicros, long durationMicros, boolean keyframeStart, int frames) {
            segments.add(new Segment(bytes, startMicros, durationMicros, keyframeStart, frames));
        }
    }

    /** Counts top-level boxes of a type. */
    static final class Boxes {
        static int count(byte[] bytes, String type) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int count = 0;
            while (in.remaining() >= 8) {
                int size = in.getInt(in.position());
                String name = new String(bytes, in.position() + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
                count += name.equals(type) ? 1 : 0;
                in.position(in.position() + size);
            }
            return count;
        }
    }
}
