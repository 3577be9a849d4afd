package io.vigil.archive;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.store.ObjectStore;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /health} part "archive": UP while segments can go somewhere safe. With the object store down
 * the service still records into the spool (UP, detail {@code storeReachable: false}); with both the
 * store and the spool failing, footage is being lost: DOWN.
 */
@Singleton
public class ArchiveHealthIndicator implements HealthIndicator {

    private final ObjectStore store;
    private final SegmentSpool spool;
    private final ReconciliationStatus reconciliation;
    private final UnnumberedSegments unnumbered;

    public ArchiveHealthIndicator(
            ObjectStore store, SegmentSpool spool, ReconciliationStatus reconciliation, UnnumberedSegments unnumbered) {
        this.store = store;
        this.spool = spool;
        this.reconciliation = reconciliation;
        this.unnumbered = unnumbered;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        boolean storeReachable = store.reachable();
        String spoolError = spool.lastWriteError();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("storeReachable", storeReachable);
        details.put("spoolWritable", spoolError == null);
        details.put("spoolSegments", spool.count());
        details.put("spoolBytes", spool.sizeBytes());
        details.put("spoolDropped", spool.dropped() + unnumbered.dropped());
        // until it is DONE, no segment is numbered: they wait in the spool, unnumbered
        ReconciliationStatus.Progress r = reconciliation.progress();
        details.put("reconciliation", r.phase().name());
        if (r.error() != null) {
            details.put("reconciliationError", r.error());
        }
        if (r.phase() != ReconciliationStatus.Phase.DONE) {
            details.put(
                    "unnumberedSegments",
                    unnumbered.cameras().stream().mapToInt(unnumbered::count).sum());
        }
        HealthStatus status = storeReachable || spoolError == null ? HealthStatus.UP : HealthStatus.DOWN;
        return HealthResult.builder("archive", status).details(details).build();
    }
}
