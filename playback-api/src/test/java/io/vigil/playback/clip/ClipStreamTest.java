package io.vigil.playback.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.vigil.archive.index.Segment;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.media.mp4.Fragments;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClipStreamTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Map<Long, Long> TIMESCALES = Map.of(1L, 90_000L, 2L, 48_000L);
    private static final byte[] INIT = {0, 0, 0, 8, 'f', 't', 'y', 'p'};
    /** Counts the buffers not yet released. */
    private final ClipBuffers buffers = new ClipBuffers();

    @AfterEach
    void everyBufferWasReleased() {
        assertEquals(0, buffers.outstanding(), "buffers not released");
    }

    /** The next part's bytes, released. */
    private static byte[] next(ClipStream clip) throws IOException {
        ByteBuf part = clip.nextPart();
        if (part == null) {
            return null;
        }
        try {
            return ByteBufUtil.getBytes(part);
        } finally {
            part.release();
        }
    }

    /** Segments whose objects are in memory; a key in {@code broken} fails like an unreachable store. */
    private static class MemoryCatalog implements ClipStream.SegmentSource {
        final Map<String, byte[]> objects = new HashMap<>();
        final List<String> broken = new ArrayList<>();

        @Override
        public int readInto(Segment segment, ByteBuffer target) {
            if (broken.contains(segment.objectKey())) {
                throw new VigilException(ErrorCode.STORAGE_UNAVAILABLE, "store down");
            }
            byte[] bytes = objects.get(segment.objectKey());
            target.put(bytes);
            return bytes.length;
        }

        /** {@code count} 2 s segments of one session. */
        List<Segment> oneSession(int count) {
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                segments.add(add(i, "a", 2L * i, 180_000L * i, 96_000L * i));
            }
            return segments;
        }

        Segment add(long sequence, String session, long startSeconds, long videoTicks, long audioTicks) {
            byte[] bytes = fragment(videoTicks, audioTicks);
            Segment s = new Segment(
                    "cam",
                    sequence,
                    session,
                    T0.plusSeconds(startSeconds),
                    2000,
                    bytes.length,
                    "cam/" + sequence + ".m4s",
                    "cam/init/x.mp4",
                    true,
                    null);
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
                catalog.add(2, "b", 10, 0, 0), // new session after an 6 s gap: its clock restarts at 0
                catalog.add(3, "b", 12, 180_000, 96_000));
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 2, buffers);
        assertArrayEquals(INIT, next(clip));
        assertEquals(Map.of(1L, 0L, 2L, 0L), Fragments.decodeTimes(next(clip)));
        assertEquals(Map.of(1L, 180_000L, 2L, 96_000L), Fragments.decodeTimes(next(clip)));
        assertEquals(Map.of(1L, 900_000L, 2L, 480_000L), Fragments.decodeTimes(next(clip)), "gap kept");
        assertEquals(Map.of(1L, 1_080_000L, 2L, 576_000L), Fragments.decodeTimes(next(clip)));
        assertNull(next(clip));
        assertNull(next(clip));
    }

    @Test
    void fetchesNoMoreThanTheReadAheadBeforeTheyAreSent() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = catalog.oneSession(10);
        CountingExecutor executor = new CountingExecutor();
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, executor, 3, buffers);
        assertEquals(0, executor.submitted.get(), "nothing fetched before the first read");
        next(clip);
        assertEquals(3, executor.submitted.get());
        next(clip);
        assertEquals(4, executor.submitted.get());
        for (int i = 1; i < 10; i++) {
            next(clip);
        }
        assertEquals(10, executor.submitted.get());
        assertNull(next(clip));
    }

    @Test
    void aFetchThatCompletesAfterCloseReleasesItsBuffer() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(
                catalog.add(0, "a", 0, 0, 0),
                catalog.add(1, "a", 2, 180_000, 96_000),
                catalog.add(2, "a", 4, 360_000, 192_000));
        List<Runnable> queued = new ArrayList<>();
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, queued::add, 3, buffers);
        next(clip);
        queued.get(0).run(); // read before the close: the close releases it
        clip.close();
        queued.get(1).run(); // cancelled before it began: reads nothing
        assertEquals(0, buffers.outstanding());
    }

    @Test
    void aFetchQueuedWhileTheStreamClosesReleasesItsBuffer() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> recorded = catalog.oneSession(3);
        AtomicReference<ClipStream> stream = new AtomicReference<>();
        List<Segment> closingOnTheSecond = new AbstractList<>() {
            @Override
            public Segment get(int index) {
                if (index == 1) {
                    stream.get().close(); // the client leaves while the reader queues the next fetch
                }
                return recorded.get(index);
            }

            @Override
            public int size() {
                return recorded.size();
            }
        };
        stream.set(new ClipStream(catalog, INIT, closingOnTheSecond, TIMESCALES, new CountingExecutor(), 3, buffers));

        ByteBuf init = stream.get().nextPart();
        init.release();

        assertEquals(0, buffers.outstanding(), "a segment fetched for a stream already closed was kept");
    }

    @Test
    void partsNotYetReleasedHoldBackFurtherFetches() throws Exception {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = catalog.oneSession(10);
        CountingExecutor executor = new CountingExecutor();
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, executor, 2, buffers);
        next(clip);
        List<ByteBuf> heldByASlowClient = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            heldByASlowClient.add(clip.nextPart());
        }
        assertEquals(4, buffers.outstanding(), "2 + 2 buffers: every one handed out, none being fetched");
        assertEquals(4, executor.submitted.get());
        java.util.concurrent.CompletableFuture<ByteBuf> fifth =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return clip.nextPart();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        heldByASlowClient.remove(0).release(); // the client read one: the stream may fetch again
        ByteBuf part = fifth.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Map.of(1L, 720_000L, 2L, 384_000L), Fragments.decodeTimes(part.nioBuffer()));
        part.release();
        heldByASlowClient.forEach(ByteBuf::release);
        clip.close();
    }

    @Test
    void aSegmentThatCannotBeReadFailsTheStreamWithItsSequence() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(catalog.add(0, "a", 0, 0, 0), catalog.add(1, "a", 2, 180_000, 96_000));
        catalog.broken.add("cam/1.m4s");
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 4, buffers);
        next(clip);
        next(clip);
        IOException e = assertThrows(IOException.class, () -> next(clip));
        assertTrue(e.getMessage().contains("segment 1") && e.getMessage().contains("store down"), e.getMessage());
    }

    @Test
    void closingCancelsTheFetchesUnderWay() throws IOException {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(catalog.add(0, "a", 0, 0, 0), catalog.add(1, "a", 2, 180_000, 96_000));
        List<Runnable> queued = new ArrayList<>();
        ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, queued::add, 4, buffers);
        next(clip);
        assertEquals(2, queued.size());
        clip.close();
        queued.forEach(Runnable::run);
        assertEquals(0, buffers.outstanding(), "cancelled fetches read nothing");
        assertThrows(IOException.class, () -> next(clip));
    }

    @Test
    void thePublisherGivesOnePartPerItemAndClosesTheStreamWhenCancelled() {
        MemoryCatalog catalog = new MemoryCatalog();
        List<Segment> segments = List.of(
                catalog.add(0, "a", 0, 0, 0),
                catalog.add(1, "a", 2, 180_000, 96_000),
                catalog.add(2, "a", 4, 360_000, 192_000));
        ClipStream all = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 2, buffers);
        List<ByteBuf> parts = reactor.core.publisher.Flux.from(all.parts(Runnable::run, Runnable::run))
                .collectList()
                .block();
        assertEquals(4, parts.size());
        parts.forEach(ByteBuf::release);
        ClipStream some = new ClipStream(catalog, INIT, segments, TIMESCALES, new CountingExecutor(), 2, buffers);
        List<ByteBuf> first = reactor.core.publisher.Flux.from(some.parts(Runnable::run, Runnable::run))
                .take(2)
                .collectList()
                .block();
        assertEquals(2, first.size());
        first.forEach(ByteBuf::release);
        assertThrows(IOException.class, () -> next(some), "closed once the subscriber went away");
    }

    /**
     * Subscribes like Micronaut's HTTP server: requests and cancels on its event loop; a part handed to it from another
     * thread is handled later on the event loop (Micronaut's {@code EventLoopFlow}), and if the client went meanwhile
     * the server throws {@code IllegalStateException: onNext before request?} there and never releases the part.
     */
    private static final class EventLoopSubscriber implements org.reactivestreams.Subscriber<ByteBuf> {
        final java.util.concurrent.ExecutorService loop =
                java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "event-loop"));
        final AtomicInteger tasks = new AtomicInteger();
        /** The event loop as an executor for the publisher, counting what it is handed. */
        final Executor loopForPublisher = task -> {
            tasks.incrementAndGet();
            loop.execute(task);
        };

        final List<String> deliveredOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile org.reactivestreams.Subscription subscription;
        volatile boolean cancelled;

        @Override
        public void onSubscribe(org.reactivestreams.Subscription s) {
            subscription = s;
            loop.execute(() -> s.request(1));
        }

        @Override
        public void onNext(ByteBuf part) {
            deliveredOn.add(Thread.currentThread().getName());
            if (Thread.currentThread().getName().equals("event-loop")) {
                write(part);
            } else {
                loop.execute(() -> write(part));
            }
        }

        private void write(ByteBuf part) {
            if (cancelled) {
                log.add("IllegalStateException: onNext before request?"); // and the part is lost, as in the server
                return;
            }
            part.release();
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            log.add("error: " + t);
        }

        @Override
        public void onComplete() {
            log.add("complete");
        }
    }

    @Test
    void aPartReadWhileTheClientLeavesIsReleasedNotHandedToTheGoneResponse() throws Exception {
        java.util.concurrent.CountDownLatch fetching = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch readOn = new java.util.concurrent.CountDownLatch(1);
        MemoryCatalog catalog = new MemoryCatalog() {
            @Override
            public int readInto(Segment segment, ByteBuffer target) {
                if (segment.objectKey().equals("cam/1.m4s")) {
                    fetching.countDown();
                    try {
                        readOn.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.readInto(segment, target);
            }
        };
        List<Segment> segments = catalog.oneSession(4);
        java.util.concurrent.ExecutorService fetcher = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService reader =
                java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "reader"));
        EventLoopSubscriber server = new EventLoopSubscriber();
        try {
            ClipStream clip = new ClipStream(catalog, INIT, segments, TIMESCALES, fetcher, 1, buffers);
            clip.parts(reader, server.loopForPublisher).subscribe(server);
            assertTrue(fetching.await(10, java.util.concurrent.TimeUnit.SECONDS), "segment 1 is being read");
            awaitCondition(() -> server.deliveredOn.size() == 2); // init and segment 0 sent
            // Segment 1 is read and handed on while the event loop is busy; the loop then sees the client go (the
            // connection's close comes before its queued tasks) and cancels.
            int tasksBefore = server.tasks.get();
            server.loop.execute(() -> {
                readOn.countDown();
                awaitCondition(() -> server.deliveredOn.size() == 3 || server.tasks.get() > tasksBefore);
                server.cancelled = true;
                server.subscription.cancel();
            });
            awaitCondition(() -> buffers.outstanding() == 0);
            server.loop.submit(() -> {}).get(10, java.util.concurrent.TimeUnit.SECONDS); // the loop's queue is done
            assertEquals(List.of(), server.log, "nothing after the cancel: no part, no error, no completion");
            assertEquals(
                    List.of("event-loop", "event-loop"),
                    server.deliveredOn,
                    "init and segment 0 handed on on the event loop; segment 1 released, not handed on");
            assertThrows(IOException.class, () -> next(clip), "closed once the client went");
        } finally {
            reader.shutdownNow();
            fetcher.shutdownNow();
            server.loop.shutdownNow();
        }
    }

    @Test
    void thePartsHaveOneSubscriberAndANonPositiveRequestFailsThem() {
        MemoryCatalog catalog = new MemoryCatalog();
        ClipStream clip =
                new ClipStream(catalog, INIT, catalog.oneSession(2), TIMESCALES, new CountingExecutor(), 2, buffers);
        org.reactivestreams.Publisher<ByteBuf> parts = clip.parts(Runnable::run, Runnable::run);
        List<String> first = new ArrayList<>();
        parts.subscribe(new org.reactivestreams.Subscriber<>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription s) {
                s.request(0);
            }

            @Override
            public void onNext(ByteBuf part) {
                part.release();
                first.add("part");
            }

            @Override
            public void onError(Throwable t) {
                first.add(t.getMessage());
            }

            @Override
            public void onComplete() {
                first.add("complete");
            }
        });
        assertEquals(List.of("request(0): must be positive"), first);
        List<String> second = new ArrayList<>();
        reactor.core.publisher.Flux.from(parts).subscribe(ByteBuf::release, e -> second.add(e.getMessage()));
        assertEquals(List.of("a pulled body can be read once"), second);
        assertThrows(IOException.class, () -> next(clip), "the failed subscription closed the stream");
    }

    /** Polls {@code condition} every 5 ms for at most 10 s (the buffers check after the test reports a leak). */
    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** moof with a traf (tfhd + version 1 tfdt) per track, then a small mdat. */
    @Test
    void aSegmentMadeOfSeveralPartsIsPlacedByItsFirstPart() {
        byte[] first = fragment(180_000, 96_000);
        byte[] second = fragment(225_000, 120_000);
        byte[] segment = ByteBuffer.allocate(first.length + second.length)
                .put(first)
                .put(second)
                .array();
        assertEquals(Map.of(1L, 180_000L, 2L, 96_000L), Fragments.decodeTimes(segment));
        assertEquals(Map.of(1L, 180_000L, 2L, 96_000L), Fragments.decodeTimes(ByteBuffer.wrap(segment)));
        Fragments.shiftDecodeTimes(segment, Map.of(1L, -180_000L, 2L, -96_000L));
        assertEquals(Map.of(1L, 0L, 2L, 0L), Fragments.decodeTimes(segment));
        assertEquals(
                Map.of(1L, 45_000L, 2L, 24_000L),
                Fragments.decodeTimes(java.util.Arrays.copyOfRange(segment, first.length, segment.length)),
                "every part moved by as much");
    }

    private static byte[] fragment(long videoTicks, long audioTicks) {
        byte[] video = traf(1, videoTicks);
        byte[] audio = traf(2, audioTicks);
        ByteBuffer b = ByteBuffer.allocate(8 + video.length + audio.length + 12);
        b.putInt(8 + video.length + audio.length)
                .put("moof".getBytes(StandardCharsets.US_ASCII))
                .put(video)
                .put(audio);
        b.putInt(12).put("mdat".getBytes(StandardCharsets.US_ASCII)).putInt(0xcafe);
        return b.array();
    }

    private static byte[] traf(int trackId, long ticks) {
        ByteBuffer b = ByteBuffer.allocate(8 + 16 + 20);
        b.putInt(44).put("traf".getBytes(StandardCharsets.US_ASCII));
        b.putInt(16).put("tfhd".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(trackId);
        b.putInt(20)
                .put("tfdt".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x01000000)
                .putLong(ticks);
        return b.array();
    }
}
