package io.vigil.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.vigil.archive.ArchiveRemoval;
import io.vigil.archive.store.ObjectStore;
import io.vigil.camera.CameraRegistry;
import io.vigil.error.VigilException;
import io.vigil.retention.hold.Holds;
import io.vigil.retention.plan.Deletion;
import io.vigil.retention.plan.RetentionPlan;
import io.vigil.retention.plan.RetentionPlanner;
import io.vigil.retention.plan.RunSafety;
import io.vigil.retention.run.DeletionMarks;
import io.vigil.retention.run.RetentionRuns;
import io.vigil.retention.run.RunLock;
import io.vigil.retention.run.RunSummary;
import io.vigil.retention.run.SegmentDeleter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention's shell: gathers the facts ({@link PlannerFacts}: cameras and their policies, usage, holds, segments
 * oldest first), lets {@link RetentionPlanner} decide, marks what it chose, has {@link SegmentDeleter} delete every
 * mark, and records the run. Runs one at a time: in this process on a lock, across nodes on {@link RunLock} (Quartz
 * also keeps scheduled runs apart); a run that finds another node's in progress is recorded as REFUSED.
 */
@Singleton
public class RetentionService implements RetentionTask {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    private final ArchiveRemoval archive;
    private final ObjectStore store;
    private final PlannerFacts plannerFacts;
    private final DeletionMarks marks;
    private final SegmentDeleter deleter;
    private final RetentionRuns runs;
    private final Clock clock;
    private final RetentionMeters meters;
    private final RunLock clusterLock;
    private final ReentrantLock running = new ReentrantLock();
    private Instant lastCheckWall;
    private long lastCheckNanos;

    public RetentionService(
            ArchiveRemoval archive,
            ObjectStore store,
            CameraRegistry cameras,
            Holds holds,
            DeletionMarks marks,
            SegmentDeleter deleter,
            RetentionRuns runs,
            RetentionConfig config,
            Clock clock,
            MeterRegistry registry,
            RunLock clusterLock) {
        this.clusterLock = clusterLock;
        this.archive = archive;
        this.store = store;
        this.plannerFacts = new PlannerFacts(archive, cameras, holds, config);
        this.marks = marks;
        this.deleter = deleter;
        this.runs = runs;
        this.clock = clock;
        this.meters = new RetentionMeters(registry);
    }

    /** What the next run would delete now: the plan plus marks an earlier run left. */
    public RetentionPreview preview() {
        Instant now = clock.instant();
        List<Deletion> pending = marks.pending();
        RetentionPlan plan = plannerFacts.plan(now, pending);
        List<Deletion> all = new ArrayList<>(pending);
        all.addAll(plan.deletions());
        return RetentionPreview.of(now, all, plan.heldSegments(), plan.shortfalls());
    }

    private static void releaseQuietly(Optional<RunLock.Held> held) {
        try {
            held.ifPresent(RunLock.Held::close);
        } catch (VigilException e) {
            LOG.warn("Releasing the retention lock failed ({}); it expires by itself", e.getMessage());
        }
    }

    @Override
    public void run(String trigger, @Nullable Instant scheduledFor) {
        runNow(trigger, scheduledFor);
    }

    /** Runs retention once and returns its record. */
    public RunSummary runNow(String trigger) {
        return runNow(trigger, null);
    }

    private RunSummary runNow(String trigger, @Nullable Instant scheduledFor) {
        running.lock();
        try {
            return runLocked(trigger, scheduledFor);
        } finally {
            running.unlock();
        }
    }

    private RunSummary runLocked(String trigger, @Nullable Instant scheduledFor) {
        Instant started = clock.instant();
        SegmentDeleter.Tally tally = new SegmentDeleter.Tally();
        List<String> details = new ArrayList<>();
        RunSummary.Outcome failure = null;
        Optional<RunLock.Held> held = Optional.empty();
        try {
            held = clusterLock.take();
            Optional<String> refusal = held.isEmpty()
                    ? Optional.of(RunLock.BUSY + " on node "
                            + clusterLock.holder().orElse("(just finished)") + "; nothing was deleted by this one")
                    : RunSafety.refusal(facts(started));
            if (refusal.isPresent()) {
                failure = RunSummary.Outcome.REFUSED;
                details.add(refusal.get());
                LOG.error("Retention refused to delete anything: {}", refusal.get());
            } else {
                RetentionPlan plan = plannerFacts.plan(started, marks.pending());
                marks.mark(plan.deletions(), started);
                details.addAll(plan.shortfalls());
                tally.held(plan.heldSegments());
                meters.shortfalls(plan.shortfalls().size());
                deleter.deleteMarked(tally);
            }
        } catch (VigilException e) {
            failure = RunSummary.Outcome.FAILED;
            details.add(e.getMessage() + " (what was marked stays marked: the next run goes on from there)");
            LOG.error("Retention run failed: {}", e.getMessage());
        } finally {
            releaseQuietly(held);
        }
        RunSummary summary = tally.summary(trigger, started, clock.instant(), details);
        if (failure != null) {
            summary = summary.withOutcome(failure);
        }
        runs.record(summary, scheduledFor);
        meters.record(summary);
        if (summary.segmentsDeletedAge() + summary.segmentsDeletedQuota() > 0
                || summary.outcome() != RunSummary.Outcome.COMPLETED) {
            LOG.info(
                    "Retention run {}: {} segments deleted for age, {} for quota ({} bytes), {} held, {} failed, {} ms",
                    summary.outcome(),
                    summary.segmentsDeletedAge(),
                    summary.segmentsDeletedQuota(),
                    summary.bytesDeleted(),
                    summary.segmentsHeld(),
                    summary.segmentsFailed(),
                    summary.durationMillis());
        }
        return summary;
    }

    private RunSafety.Facts facts(Instant now) {
        long nanos = System.nanoTime();
        Optional<Duration> wallSinceCheck = Optional.ofNullable(lastCheckWall).map(last -> Duration.between(last, now));
        Duration monotonicSinceCheck = Duration.ofNanos(nanos - lastCheckNanos);
        lastCheckWall = now;
        lastCheckNanos = nanos;
        Optional<Instant> newestEnd = archive.newestEnd();
        boolean indexEmpty = newestEnd.isEmpty();
        return new RunSafety.Facts(
                now,
                newestEnd,
                runs.last().map(RunSummary::started),
                wallSinceCheck,
                monotonicSinceCheck,
                indexEmpty,
                indexEmpty && store.holdsAnyUnder(""));
    }

    /** The run meters, so the numbers behind /api/retention/runs also reach Prometheus. */
    private static final class RetentionMeters {
        private final MeterRegistry registry;
        private final AtomicLong shortfalls = new AtomicLong();
        private final AtomicLong lastDurationMillis = new AtomicLong();

        RetentionMeters(MeterRegistry registry) {
            this.registry = registry;
            registry.gauge("vigil.retention.quota.shortfalls", shortfalls);
            registry.gauge("vigil.retention.last.run.millis", lastDurationMillis);
        }

        void shortfalls(int count) {
            shortfalls.set(count);
        }

        void record(RunSummary s) {
            registry.counter("vigil.retention.runs", "outcome", s.outcome().name())
                    .increment();
            registry.counter("vigil.retention.segments.deleted", "reason", "AGE")
                    .increment((double) s.segmentsDeletedAge());
            registry.counter("vigil.retention.segments.deleted", "reason", "QUOTA")
                    .increment((double) s.segmentsDeletedQuota());
            registry.counter("vigil.retention.bytes.deleted").increment((double) s.bytesDeleted());
            registry.counter("vigil.retention.segments.failed").increment(s.segmentsFailed());
            lastDurationMillis.set(s.durationMillis());
        }
    }
}
