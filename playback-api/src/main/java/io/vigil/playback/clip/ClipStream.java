package io.vigil.playback.clip;

import io.vigil.archive.SegmentCatalog;
import io.vigil.archive.index.Segment;
import io.vigil.archive.mp4.Fragments;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/**
 * The bytes of a clip, produced as they are read, one part at a time: the init segment, then each
 * media segment fetched from the archive and retimed onto one continuous timeline (clip time =
 * wall-clock time since the first segment, so gaps stay gaps). The next {@code readAhead} segments
 * are fetched concurrently on {@code fetcher} while earlier ones are sent, so at most that many
 * segments (plus the one being read) are held in memory; parts still come out in order. Closing
 * cancels the fetches still under way. Also an {@link InputStream} over the same parts.
 */
public final class ClipStream extends InputStream {

    private final SegmentCatalog catalog;
    private final Iterator<Segment> segments;
    private final Map<Long, Long> timescales;
    private final long videoTrack;
    private final Instant clipStart;
    private final Executor fetcher;
    private final int readAhead;
    private final ConcurrentLinkedDeque<Fetch> fetches = new ConcurrentLinkedDeque<>();
    private byte[] init;
    private byte[] current;
    private int position;
    private String sessionId;
    private double sessionShiftSeconds;
    private volatile boolean closed;

    private record Fetch(Segment segment, Future<byte[]> bytes) {
    }

    ClipStream(SegmentCatalog catalog, byte[] init, List<Segment> segments, Map<Long, Long> timescales,
               Executor fetcher, int readAhead) {
        if (readAhead < 1) {
            throw new IllegalArgumentException("readAhead must be >= 1");
        }
        this.catalog = catalog;
        this.segments = segments.iterator();
        this.timescales = timescales;
        this.videoTrack = timescales.keySet().stream().min(Long::compare).orElseThrow();
        this.clipStart = segments.get(0).start();
        this.init = init;
        this.fetcher = fetcher;
        this.readAhead = readAhead;
    }

    /**
     * The next part of the clip (init segment first, then each retimed media segment), or null after the
     * last. Blocks while that segment is being fetched.
     */
    public synchronized byte[] nextPart() throws IOException {
        if (closed) {
            throw new IOException("clip stream closed");
        }
        fillReadAhead();
        if (init != null) {
            byte[] first = init;
            init = null;
            return first;
        }
        Fetch next = fetches.poll();
        if (next == null) {
            return null;
        }
        byte[] bytes = await(next);
        if (closed) {
            throw new IOException("clip stream closed");
        }
        fillReadAhead();
        retime(next.segment(), bytes);
        return bytes;
    }

    /**
     * The parts as a publisher, one item per segment (so an HTTP response writes large chunks, not the
     * 8 KB pieces an {@code InputStream} body is cut into): read on {@code scheduler}, where blocking is
     * allowed; closes this stream when complete, failed or cancelled (client gone).
     */
    public Flux<byte[]> parts(Scheduler scheduler) {
        return Flux.<byte[]>generate(sink -> {
            try {
                byte[] part = nextPart();
                if (part == null) {
                    sink.complete();
                } else {
                    sink.next(part);
                }
            } catch (IOException e) {
                sink.error(e);
            }
        }).subscribeOn(scheduler).doFinally(signal -> close());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        while (current == null || position >= current.length) {
            current = nextPart();
            position = 0;
            if (current == null) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Cancels the fetches still under way, also while another thread waits in {@link #nextPart()}; idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Fetch f; (f = fetches.poll()) != null; ) {
            f.bytes().cancel(true);
        }
    }

    private void fillReadAhead() {
        while (!closed && fetches.size() < readAhead && segments.hasNext()) {
            Segment s = segments.next();
            FutureTask<byte[]> task = new FutureTask<>(() -> catalog.readAll(catalog.locate(s)));
            fetches.add(new Fetch(s, task));
            try {
                fetcher.execute(task);
            } catch (RuntimeException e) {
                task.cancel(false);
                fetches.removeLast();
                throw e;
            }
        }
    }

    private static byte[] await(Fetch fetch) throws IOException {
        try {
            return fetch.bytes().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading segment " + fetch.segment().sequence());
        } catch (CancellationException e) {
            throw new IOException("clip stream closed while reading segment " + fetch.segment().sequence(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException("cannot read segment " + fetch.segment().sequence() + ": " + cause.getMessage(), cause);
        }
    }

    private void retime(Segment s, byte[] bytes) {
        if (!s.sessionId().equals(sessionId)) {
            // A new session's timeline starts again at 0: place it where it was recorded on the clip's clock.
            sessionId = s.sessionId();
            double videoSeconds = Fragments.decodeTimes(bytes).getOrDefault(videoTrack, 0L)
                    / (double) timescales.get(videoTrack);
            sessionShiftSeconds = Duration.between(clipStart, s.start()).toNanos() / 1e9 - videoSeconds;
        }
        Map<Long, Long> delta = timescales.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Math.round(sessionShiftSeconds * e.getValue())));
        Fragments.shiftDecodeTimes(bytes, delta);
    }
}
