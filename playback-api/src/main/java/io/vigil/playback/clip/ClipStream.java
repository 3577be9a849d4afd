package io.vigil.playback.clip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vigil.archive.index.Segment;
import io.vigil.kernel.http.PulledBody;
import io.vigil.media.mp4.Fragments;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;

/**
 * The bytes of a clip, produced as they are read, one part at a time: the init segment, then each
 * media segment fetched from the archive and retimed onto one continuous timeline (clip time =
 * wall-clock time since the first segment, so gaps stay gaps). The next {@code readAhead} segments
 * are fetched concurrently on {@code fetcher} while earlier ones are sent, and at most
 * {@code readAhead + 2} segments are in memory at once, however slowly the client reads (a part the
 * server has not written yet counts until it is released); parts still come out in order.
 *
 * <p>Each media segment is read into an empty buffer of its size from {@code buffers} (off-heap and reused
 * in the service, see {@link ClipBuffers}: no fresh megabyte arrays to zero and collect per segment, and no
 * copy from the heap when the socket writes it). Whoever takes a part releases it; closing cancels the
 * fetches under way and releases what they read.
 */
public final class ClipStream implements AutoCloseable, PulledBody.Source {

    private final SegmentSource source;
    private final Iterator<Segment> segments;
    private final Map<Long, Long> timescales;
    private final long videoTrack;
    private final Instant clipStart;
    private final Executor fetcher;
    private final int readAhead;
    private final ClipBuffers buffers;
    /**
     * One per media-segment buffer alive (being fetched, waiting, or handed out and not yet released): the
     * HTTP server may queue parts it has not written yet, and a slow client must never make the whole clip
     * pile up in memory.
     */
    private final Semaphore buffersAlive;

    private final ConcurrentLinkedDeque<Fetch> fetches = new ConcurrentLinkedDeque<>();
    private byte[] init;
    private String sessionId;
    private double sessionShiftSeconds;
    private volatile boolean closed;

    /** A segment being fetched; its future completes with a buffer that whoever takes it releases. */
    private record Fetch(Segment segment, CompletableFuture<ByteBuf> bytes) {}

    /** Where a clip's segments come from: reads one segment's bytes into a buffer of its size, returning how many. */
    @FunctionalInterface
    interface SegmentSource {
        int readInto(Segment segment, java.nio.ByteBuffer target);
    }

    ClipStream(
            SegmentSource source,
            byte[] init,
            List<Segment> segments,
            Map<Long, Long> timescales,
            Executor fetcher,
            int readAhead,
            ClipBuffers buffers) {
        if (readAhead < 1) {
            throw new IllegalArgumentException("readAhead must be >= 1");
        }
        this.source = source;
        this.segments = segments.iterator();
        this.timescales = timescales;
        this.videoTrack = timescales.keySet().stream().min(Long::compare).orElseThrow();
        this.clipStart = segments.get(0).start();
        this.init = init;
        this.fetcher = fetcher;
        this.readAhead = readAhead;
        this.buffers = buffers;
        this.buffersAlive = new Semaphore(readAhead + 2);
    }

    /**
     * The next part of the clip (init segment first, then each retimed media segment), or null after the
     * last; the caller releases it. Blocks while that segment is being fetched.
     */
    @Override
    public synchronized ByteBuf nextPart() throws IOException {
        if (closed) {
            throw new IOException("clip stream closed");
        }
        fillReadAhead();
        if (init != null) {
            ByteBuf first = Unpooled.wrappedBuffer(init);
            init = null;
            return first;
        }
        if (fetches.isEmpty() && segments.hasNext()) {
            waitForABuffer();
        }
        Fetch next = fetches.poll();
        if (next == null) {
            return null;
        }
        ByteBuf bytes = await(next);
        try {
            if (closed) {
                throw new IOException("clip stream closed");
            }
            fillReadAhead();
            retime(next.segment(), bytes.nioBuffer(bytes.readerIndex(), bytes.readableBytes()));
            return bytes;
        } catch (IOException | RuntimeException e) {
            bytes.release();
            throw e;
        }
    }

    /**
     * The parts as a publisher for one HTTP response, read on {@code reader} (blocking allowed) and handed on on
     * {@code writer}, the thread that writes the response and sees its client go; see {@link PulledBody}. The
     * subscriber releases each part it gets (Micronaut's server does once written).
     */
    public Publisher<ByteBuf> parts(Executor reader, Executor writer) {
        return new PulledBody(this, reader, writer);
    }

    /** Cancels the fetches still under way, also while another thread waits in {@link #nextPart()}; idempotent. */
    @Override
    public void close() {
        closed = true;
        discardFetches();
    }

    private void discardFetches() {
        for (Fetch f; (f = fetches.poll()) != null; ) {
            discard(f.bytes());
        }
    }

    /** Cancels a fetch; if it had already completed, releases its buffer (a fetch completing later releases its own). */
    private static void discard(CompletableFuture<ByteBuf> bytes) {
        if (!bytes.cancel(false) && !bytes.isCompletedExceptionally()) {
            bytes.join().release();
        }
    }

    private void fillReadAhead() {
        while (!closed && fetches.size() < readAhead && segments.hasNext() && buffersAlive.tryAcquire()) {
            Segment s = segments.next();
            CompletableFuture<ByteBuf> bytes = new CompletableFuture<>();
            fetches.add(new Fetch(s, bytes));
            try {
                fetcher.execute(() -> fetch(s, bytes));
            } catch (RuntimeException e) {
                bytes.cancel(false);
                fetches.removeLast();
                buffersAlive.release();
                throw e;
            }
            if (closed) {
                // closed since the loop's check, maybe before this fetch was queued, where the close could not see
                // it: discard it here (close marks before it discards, this queues before it looks)
                discardFetches();
            }
        }
    }

    /** Nothing is being fetched because every buffer is out: blocks until one is released, then fetches. */
    private void waitForABuffer() throws IOException {
        try {
            while (!buffersAlive.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IOException("clip stream closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the client to read");
        }
        buffersAlive.release();
        fillReadAhead();
    }

    /** Reads a segment into a new buffer unless the fetch was cancelled first; a buffer nobody can take is released. */
    private void fetch(Segment s, CompletableFuture<ByteBuf> result) {
        if (result.isDone()) {
            buffersAlive.release();
            return;
        }
        ByteBuf buffer = buffers.take(Math.toIntExact(s.sizeBytes()), buffersAlive::release);
        try {
            int n = source.readInto(s, buffer.nioBuffer(0, buffer.capacity()));
            if (n != s.sizeBytes()) {
                throw new IOException("read " + n + " of its " + s.sizeBytes() + " bytes");
            }
            buffer.writerIndex(n);
        } catch (Exception e) {
            buffer.release();
            result.completeExceptionally(e);
            return;
        }
        if (!result.complete(buffer)) {
            buffer.release();
        }
    }

    private static ByteBuf await(Fetch fetch) throws IOException {
        try {
            return fetch.bytes().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discard(fetch.bytes());
            throw new InterruptedIOException(
                    "interrupted while reading segment " + fetch.segment().sequence());
        } catch (CancellationException e) {
            throw new IOException(
                    "clip stream closed while reading segment "
                            + fetch.segment().sequence(),
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(
                    "cannot read segment " + fetch.segment().sequence() + ": " + cause.getMessage(), cause);
        }
    }

    private void retime(Segment s, ByteBuffer bytes) {
        if (!s.sessionId().equals(sessionId)) {
            // A new session's timeline starts again at 0: place it where it was recorded on the clip's clock.
            sessionId = s.sessionId();
            double videoSeconds =
                    Fragments.decodeTimes(bytes).getOrDefault(videoTrack, 0L) / (double) timescales.get(videoTrack);
            sessionShiftSeconds = Duration.between(clipStart, s.start()).toNanos() / 1e9 - videoSeconds;
        }
        Map<Long, Long> delta = timescales.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Math.round(sessionShiftSeconds * e.getValue())));
        Fragments.shiftDecodeTimes(bytes, delta);
    }
}
