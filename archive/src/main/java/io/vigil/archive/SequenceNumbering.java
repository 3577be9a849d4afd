package io.vigil.archive;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.archive.index.Segment;
import io.vigil.archive.index.SegmentIndex;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.error.VigilException;
import io.vigil.kernel.Sha256;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's numbering: gives its finished segments their sequence numbers, in recording order, and hands each
 * numbered segment to its lane's spool step. No segment is numbered before the start-up reconciliation has succeeded
 * (a number taken from the index alone could be that of an object a crash left in the store without its row): until
 * then drafts wait unnumbered, in {@link UnnumberedSegments} or, when not even the spool takes them, up to
 * {@link #MAX_HELD_DRAFTS} in memory. Once it has succeeded the camera numbers on from above every number the index,
 * the spool and the store hold, and first numbers what waited, oldest first.
 *
 * <p>Thread confinement: an instance belongs to one lane of {@link ArchiveWriter}, and that lane's spooler thread
 * owns its state: every method but {@link #nextSequenceNow()} runs there. Only {@code nextSequence} is read from other
 * threads (volatile, written by the spooler thread alone).
 */
final class SequenceNumbering {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceNumbering.class);
    /** Drafts a lane keeps in memory while waiting for numbering when not even the spool takes them. */
    static final int MAX_HELD_DRAFTS = 32;

    /** The lane's spool step: takes a segment just numbered, in sequence order, on the spooler thread. */
    @FunctionalInterface
    interface Spooling {
        void spool(Segment segment, SegmentDraft draft);
    }

    private final String cameraId;
    private final ReconciliationStatus reconciliation;
    private final SegmentIndex index;
    private final SegmentSpool spool;
    private final UnnumberedSegments unnumbered;
    private final MeterRegistry meters;
    private final Spooling spooling;
    private final Consumer<String> trouble;
    /** Written on the spooler thread only; read elsewhere for a lease's sequence reservation. */
    private volatile long nextSequence;
    /** Reconciliation has succeeded and this camera numbers segments. */
    private boolean started;
    /** Drafts waiting for numbering that neither the spool nor its unnumbered area took, oldest first. */
    private final Deque<SegmentDraft> held = new ArrayDeque<>();

    /** {@code trouble} tells camera status why segments wait (the lane adds the backlog). */
    SequenceNumbering(
            String cameraId,
            ReconciliationStatus reconciliation,
            SegmentIndex index,
            SegmentSpool spool,
            UnnumberedSegments unnumbered,
            MeterRegistry meters,
            Spooling spooling,
            Consumer<String> trouble) {
        this.cameraId = cameraId;
        this.reconciliation = reconciliation;
        this.index = index;
        this.spool = spool;
        this.unnumbered = unnumbered;
        this.meters = meters;
        this.spooling = spooling;
        this.trouble = trouble;
        this.nextSequence = Math.max(index.nextSequence(cameraId), spool.maxSequence(cameraId) + 1);
    }

    /** A finished segment: numbered and spooled, or, before reconciliation has succeeded, kept waiting unnumbered. */
    void take(SegmentDraft draft) {
        if (start()) {
            number(draft);
        } else {
            waitUnnumbered(draft);
        }
    }

    /**
     * True once reconciliation has succeeded. The first time, numbers on from above every number the index and the
     * store hold, then numbers what waited, oldest first.
     */
    boolean start() {
        if (started) {
            return true;
        }
        if (!reconciliation.done()) {
            return false;
        }
        long highestStored = reconciliation.whenDone().join().getOrDefault(cameraId, -1L);
        nextSequence = Math.max(nextSequence, highestStored + 1);
        raiseToIndex();
        started = true;
        for (Path file : unnumbered.of(cameraId)) {
            Optional<SegmentDraft> draft = unnumbered.read(file);
            if (draft.isPresent()) {
                while (!held.isEmpty()
                        && held.peekFirst().start().isBefore(draft.get().start())) {
                    number(held.removeFirst());
                }
                if (!alreadyNumbered(draft.get())) {
                    number(draft.get());
                }
            }
            unnumbered.remove(file);
        }
        while (!held.isEmpty()) {
            number(held.removeFirst());
        }
        return true;
    }

    /**
     * Makes the next segments take numbers from at least {@code floor}, and, once numbering has started, above every
     * segment indexed so far (before, the index is read when it starts).
     */
    void claim(long floor) {
        nextSequence = Math.max(nextSequence, floor);
        if (start()) {
            raiseToIndex();
        }
    }

    /**
     * The number the next segment takes. Throws {@link IllegalStateException} while numbering waits for the start-up
     * reconciliation: there is no exact floor yet.
     */
    long nextSequence() {
        if (!start()) {
            throw new IllegalStateException("numbering waits for the start-up reconciliation");
        }
        return nextSequence;
    }

    /** The next sequence number as last seen; from any thread. */
    long nextSequenceNow() {
        return nextSequence;
    }

    private void raiseToIndex() {
        try {
            nextSequence = Math.max(nextSequence, index.nextSequence(cameraId));
        } catch (VigilException e) {
            LOG.error(
                    "Camera {}: cannot read its newest sequence number ({}); numbering from {}",
                    cameraId,
                    e.getMessage(),
                    nextSequence);
        }
    }

    // written by the spooler thread alone; volatile for readers
    @SuppressWarnings("NonAtomicVolatileUpdate")
    private void number(SegmentDraft draft) {
        String sha256 = Sha256.hex(draft.bytes());
        String initKey = ObjectKeys.initSegment(draft.cameraId(), Sha256.of(draft.init()));
        long sequence = nextSequence++;
        spooling.spool(
                new Segment(
                        draft.cameraId(),
                        sequence,
                        draft.sessionId(),
                        draft.start(),
                        draft.durationMillis(),
                        draft.bytes().length,
                        ObjectKeys.mediaSegment(draft.cameraId(), draft.start(), sequence),
                        initKey,
                        draft.keyframeStart(),
                        sha256),
                draft);
    }

    /** Before reconciliation has succeeded: the draft waits unnumbered, on disk if it can. */
    private void waitUnnumbered(SegmentDraft draft) {
        try {
            unnumbered.add(draft, spool.sizeBytes());
        } catch (VigilException e) {
            meters.counter("vigil.spool.write.errors", "camera", cameraId).increment();
            if (held.size() < MAX_HELD_DRAFTS) {
                held.addLast(draft);
                LOG.error(
                        "Camera {}: segment starting {} could not be spooled ({}); held in memory until numbering "
                                + "starts",
                        cameraId,
                        draft.start(),
                        e.getMessage());
            } else {
                meters.counter("vigil.segments.lost", "camera", cameraId).increment();
                LOG.error(
                        "Camera {}: segment starting {} LOST: the spool does not take it and {} wait in memory "
                                + "already",
                        cameraId,
                        draft.start(),
                        held.size());
            }
        }
        trouble.accept(reconciliation.waitingMessage());
    }

    /** A draft left over by a crash between numbering it and removing its unnumbered file. */
    private boolean alreadyNumbered(SegmentDraft draft) {
        String sha256 = Sha256.hex(draft.bytes());
        if (spool.pending(draft.cameraId()).stream()
                .anyMatch(s -> s.segment().start().equals(draft.start())
                        && sha256.equals(s.segment().sha256()))) {
            return true;
        }
        try {
            return index
                    .byTime()
                    .startingBetween(
                            draft.cameraId(), draft.start(), draft.start().plusMillis(1))
                    .stream()
                    .anyMatch(s -> sha256.equals(s.sha256()));
        } catch (VigilException e) {
            return false;
        }
    }
}
