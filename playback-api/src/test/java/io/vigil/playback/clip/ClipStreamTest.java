package io.vigil.playback.clip;

import io.vigil.archive.SegmentCatalog;
import io.vigil.archive.index.Segment;
import io.vigil.archive.mp4.Fragments;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipStreamTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Map<Long, Long> TIMESCALES = Map.of(1L, 90_000L, 2L, 48_000L);
    private static final byte[] INIT = {0, 0, 0, 8, 'f', 't', 'y', 'p'};

    /** A catalog whose objects are in memory; a key in {@code broken} fails like an unreachable store. */
    private static final class MemoryCatalog extends SegmentCatalog {
        final Map<String, byte[]> objects = new HashMap<>();
        final List<String> broken = new ArrayList<>();

        MemoryCatalog() {
            super(null, null, null);
        }

        @Override
        public Located locate(Segment s) {
            return new Located(s.objectKey(), s.sizeBytes(), Optional.empty());
        }

        @Override
        public byte[] readAll(Located located) {
            if (broken.contains(located.key())) {
                throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "store down");
            }
            return objects.get(located.key()).clone();
        }

        Segment add(long sequence, String session, long startSeconds, long videoTicks, long audioTicks) {
            byte[] bytes = fragment(videoTicks, audioTicks);
            Segment s = new Segment("cam", sequence, session, T0.plusSeconds(startSeconds), 2000, bytes.length,
                    "cam/" + sequence + ".m4s", "cam/init/x.mp4", true, null);
            objects.put(s.objectKey(), bytes);
            return s;
        }
    }

    /** Runs every fetch at once on the calling thread and counts them. */
    private static final class CountingExecutor implements Executor {
        final AtomicInteger submitted = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            submitted.incrementAndGet();
            task.run();
        }
    }

    @Test
    void initFirstThenSegmentsInOrderEachSessionPlacedWhereItWasRecorded() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(
                catalog.add(0, "a", 0, 0, 0),
                catalog.add(1, "a", 2, 180_000, 96_000),
                catalog.add(2, "b", 10, 0, 0),              // new session after an 6 s gap: its clock restarts at 0
                catalog.add(3, "b", 12, 180_000, 96_000));
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 2);
        assertArrayEquals(INIT, clip.nextPart());
        assertEquals(Map.of(1L, 0L, 2L, 0L), Fragments.decodeTimes(clip.nextPart()));
        assertEquals(Map.of(1L, 180_000L, 2L, 96_000L), Fragments.decodeTimes(clip.nextPart()));
        assertEquals(Map.of(1L, 900_000L, 2L, 480_000L), Fragments.decodeTimes(clip.nextPart()), "gap kept");
        assertEquals(Map.of(1L, 1_080_000L, 2L, 576_000L), Fragments.decodeTimes(clip.nextPart()));
        assertNull(clip.nextPart());
        assertNull(clip.nextPart());
    }

    @Test
    void fetchesNoMoreThanTheReadAheadBeforeTheyAreSent() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            segments.add(catalog.add(i, "a", 2L * i, 180_000L * i, 96_000L * i));
        }
        CountingExecutor executor = new CountingExecutor();
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, executor, 3);
        assertEquals(0, executor.submitted.get(), "nothing fetched before the first read");
        clip.nextPart();
        assertEquals(3, executor.submitted.get());
        clip.nextPart();
        assertEquals(4, executor.submitted.get());
        for (int i = 1; i < 10; i++) {
            clip.nextPart();
        }
        assertEquals(10, executor.submitted.get());
        assertNull(clip.nextPart());
    }

    @Test
    void theInputStreamIsThePartsOneAfterAnother() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(catalog.add(0, "a", 0, 0, 0), catalog.add(1, "a", 2, 180_000, 96_000));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (ClipStream parts = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 1)) {
            for (byte[] p; (p = parts.nextPart()) != null; ) {
                expected.writeBytes(p);
            }
        }
        try (ClipStream stream = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 1)) {
            assertArrayEquals(expected.toByteArray(), stream.readAllBytes());
        }
    }

    @Test
    void aSegmentThatCannotBeReadFailsTheStreamWithItsSequence() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(catalog.add(0, "a", 0, 0, 0), catalog.add(1, "a", 2, 180_000, 96_000));
        catalog.broken.add("cam/1.m4s");
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 4);
        clip.nextPart();
        clip.nextPart();
        IOException e = assertThrows(IOException.class, clip::nextPart);
        assertTrue(e.getMessage().contains("segment 1") && e.getMessage().contains("store down"), e.getMessage());
    }

    @Test
    void closingCancelsTheFetchesUnderWay() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(catalog.add(0, "a", 0, 0, 0), catalog.add(1, "a", 2, 180_000, 96_000));
        List<Runnable> queued = new ArrayList<>();
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, queued::add, 4);
        clip.nextPart();
        assertEquals(2, queued.size());
        clip.close();
        assertTrue(queued.stream().allMatch(r -> ((Future<?>) r).isCancelled()));
        assertThrows(IOException.class, clip::nextPart);
    }

    @Test
    void thePublisherGivesOnePartPerItemAndClosesTheStreamWhenCancelled() {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(catalog.add(0, "a", 0, 0, 0), catalog.add(1, "a", 2, 180_000, 96_000),
                catalog.add(2, "a", 4, 360_000, 192_000));
        ClipStream all = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 2);
        assertEquals(4, all.parts(Schedulers.immediate()).collectList().block().size());
        ClipStream some = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 2);
        assertEquals(2, some.parts(Schedulers.immediate()).take(2).collectList().block().size());
        assertThrows(IOException.class, some::nextPart, "closed once the subscriber went away");
    }

    /** moof with a traf (tfhd + version 1 tfdt) per track, then a small mdat. */
    private static byte[] fragment(long videoTicks, long audioTicks) {
        byte[] video = traf(1, videoTicks);
        byte[] audio = traf(2, audioTicks);
        ByteBuffer b = ByteBuffer.allocate(8 + video.length + audio.length + 12);
        b.putInt(8 + video.length + audio.length).put("moof".getBytes()).put(video).put(audio);
        b.putInt(12).put("mdat".getBytes()).putInt(0xcafe);
        return b.array();
    }

    private static byte[] traf(int trackId, long ticks) {
        ByteBuffer b = ByteBuffer.allocate(8 + 16 + 20);
        b.putInt(44).put("traf".getBytes());
        b.putInt(16).put("tfhd".getBytes()).putInt(0).putInt(trackId);
        b.putInt(20).put("tfdt".getBytes()).putInt(0x01000000).putLong(ticks);
        return b.array();
    }
}
