package io.vigil.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One camera's live edge (glossary): the segment being written, as its parts so far, and the newest complete ones,
 * in memory. One writer (the camera's recording session, on its event loop) adds parts and ends segments; any number
 * of readers take {@link #snapshot()}s or {@link #await} a part, a future completed by the writer: a waiting request
 * holds no thread. Keeps {@code keptSegments} complete segments while a player asked within the watch window, and
 * the newest one otherwise: a player's first playlist then has a complete segment to start from at once (without one
 * hls.js reports an empty playlist and starts seconds later and seconds behind); it is the array the archive's spool
 * cache holds until the upload anyway, so a camera nobody watches keeps about one segment more than before.
 */
public final class LiveEdge {

    /** Waiting requests one camera holds at most; more are refused (503), not queued. */
    static final int MAX_WAITERS = 4096;

    private final String cameraId;
    private final int keptSegments;
    private final long watchWindowNanos;
    private final LongSupplier nanoTime;
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile EdgeSnapshot snapshot;
    private volatile long watchedAtNanos;

    // the writer's state, under this
    private final List<LiveSegment> segments = new ArrayList<>();
    private final Map<Integer, byte[]> inits = new LinkedHashMap<>();
    private long nextSequence;
    private long discontinuitySequence;
    private long partTargetMicros;
    private byte[] currentInit;
    private int initNumber;
    private boolean discontinuityNext = true;

    private record Waiter(long sequence, int part, CompletableFuture<EdgeSnapshot> future) {}

    LiveEdge(String cameraId, long firstSequence, int keptSegments, Duration watchWindow, LongSupplier nanoTime) {
        if (keptSegments < 1) {
            throw new IllegalArgumentException("the live edge keeps at least 1 complete segment: " + keptSegments);
        }
        this.cameraId = cameraId;
        this.nextSequence = firstSequence;
        this.keptSegments = keptSegments;
        this.watchWindowNanos = watchWindow.toNanos();
        this.nanoTime = nanoTime;
        this.watchedAtNanos = nanoTime.getAsLong() - watchWindowNanos - 1;
        this.snapshot = new EdgeSnapshot(cameraId, 0, 0, firstSequence, List.of(), Map.of());
    }

    // ---- the writer

    /**
     * The init segment of the parts that follow, and their target duration; a different init segment than the current
     * one makes the next segment a discontinuity.
     */
    public synchronized void init(byte[] initSegment, long partTargetMicros) {
        if (partTargetMicros <= 0) {
            throw new IllegalArgumentException("a part target is > 0 µs: " + partTargetMicros);
        }
        this.partTargetMicros = partTargetMicros;
        if (currentInit == null || !Arrays.equals(currentInit, initSegment)) {
            currentInit = initSegment.clone();
            initNumber++;
            discontinuityNext = true;
        }
    }

    /**
     * The next part of the segment being written, or the first of a new one captured from {@code segmentStart} (the
     * recorder's date of the segment, as the archive will have it).
     */
    public void part(byte[] bytes, Instant segmentStart, long durationMicros, boolean independent, long arrivalNanos) {
        List<Waiter> ready;
        synchronized (this) {
            if (currentInit == null) {
                throw new IllegalStateException("camera " + cameraId + ": a live part before its init segment");
            }
            LivePart part = new LivePart(bytes, 0, bytes.length, durationMicros, independent, arrivalNanos);
            LiveSegment open = openSegment();
            if (open == null) {
                inits.putIfAbsent(initNumber, currentInit);
                segments.add(new LiveSegment(
                        nextSequence++,
                        segmentStart,
                        initNumber,
                        discontinuityNext,
                        List.of(part),
                        durationMicros,
                        false));
                discontinuityNext = false;
            } else {
                segments.set(segments.size() - 1, open.withPart(part));
            }
            ready = publish();
        }
        complete(ready);
    }

    /** The segment being written is complete: {@code whole} is its parts one after another (the archive's bytes). */
    public void segmentEnded(byte[] whole) {
        List<Waiter> ready;
        synchronized (this) {
            LiveSegment open = openSegment();
            if (open == null) {
                return;
            }
            segments.set(segments.size() - 1, open.completed(slices(open.parts(), whole)));
            keepNewest(isWatched() ? keptSegments : 1);
            ready = publish();
        }
        complete(ready);
    }

    /** The session ended: a segment left open is dropped, and the next session's first segment is a discontinuity. */
    public void sessionEnded() {
        List<Waiter> ready;
        synchronized (this) {
            if (openSegment() != null) {
                segments.remove(segments.size() - 1);
            }
            discontinuityNext = true;
            ready = publish();
        }
        complete(ready);
    }

    // ---- readers

    /** The edge now. */
    public EdgeSnapshot snapshot() {
        return snapshot;
    }

    /** A player asked: keep the newest segments for the watch window. */
    public void watched() {
        watchedAtNanos = nanoTime.getAsLong();
    }

    private boolean isWatched() {
        return nanoTime.getAsLong() - watchedAtNanos <= watchWindowNanos;
    }

    /**
     * Completes with the first snapshot that answers {@code (sequence, part)} ({@link BlockingReload}): at once when
     * this one does; with {@link java.util.concurrent.TimeoutException} after {@code timeout}; with
     * {@link IllegalStateException} when too many requests already wait.
     */
    public CompletableFuture<EdgeSnapshot> await(long sequence, int part, Duration timeout) {
        CompletableFuture<EdgeSnapshot> future = new CompletableFuture<>();
        synchronized (this) {
            EdgeSnapshot now = snapshot;
            if (BlockingReload.decide(now, sequence, part) != BlockingReload.Decision.WAIT) {
                future.complete(now);
                return future;
            }
            waiters.removeIf(w -> w.future().isDone());
            if (waiters.size() >= MAX_WAITERS) {
                future.completeExceptionally(new IllegalStateException(
                        "camera " + cameraId + " already has " + MAX_WAITERS + " requests waiting"));
                return future;
            }
            waiters.add(new Waiter(sequence, part, future));
        }
        return future.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Requests waiting now (for metrics). */
    public synchronized int waiting() {
        waiters.removeIf(w -> w.future().isDone());
        return waiters.size();
    }

    // ---- under this

    private LiveSegment openSegment() {
        if (segments.isEmpty()) {
            return null;
        }
        LiveSegment last = segments.get(segments.size() - 1);
        return last.complete() ? null : last;
    }

    private void keepNewest(int complete) {
        while (segments.size() > complete + (openSegment() == null ? 0 : 1)) {
            segments.remove(0);
            if (!segments.isEmpty() && segments.get(0).discontinuity()) {
                discontinuitySequence++; // its EXT-X-DISCONTINUITY left the playlist with the segment before it
            }
        }
        inits.keySet().removeIf(n -> segments.stream().noneMatch(s -> s.initNumber() == n) && n != initNumber);
    }

    private List<Waiter> publish() {
        EdgeSnapshot now =
                new EdgeSnapshot(cameraId, partTargetMicros, discontinuitySequence, nextSequence, segments, inits);
        snapshot = now;
        List<Waiter> ready = new ArrayList<>();
        waiters.removeIf(w -> {
            if (w.future().isDone()) {
                return true;
            }
            if (BlockingReload.decide(now, w.sequence(), w.part()) != BlockingReload.Decision.WAIT) {
                ready.add(w);
                return true;
            }
            return false;
        });
        return ready;
    }

    private void complete(List<Waiter> ready) {
        EdgeSnapshot now = snapshot;
        for (Waiter w : ready) {
            w.future().complete(now);
        }
    }

    /** The parts as slices of the whole segment, when it is exactly them; else they keep their own arrays. */
    private static List<LivePart> slices(List<LivePart> parts, byte[] whole) {
        int total = parts.stream().mapToInt(LivePart::length).sum();
        if (whole == null || whole.length != total) {
            return parts;
        }
        List<LivePart> sliced = new ArrayList<>(parts.size());
        int at = 0;
        for (LivePart p : parts) {
            sliced.add(p.within(whole, at));
            at += p.length();
        }
        return sliced;
    }
}
