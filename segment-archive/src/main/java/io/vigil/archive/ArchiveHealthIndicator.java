package io.vigil.archive;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.store.ObjectStore;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health} part "archive": UP while segments can go somewhere safe. With the object store down
 * the service still records into the spool (UP, detail {@code storeReachable: false}); with both the
 * store and the spool failing, footage is being lost: DOWN.
 */
@Singleton
public class ArchiveHealthIndicator implements HealthIndicator {

    private final ObjectStore store;
    private final SegmentSpool spool;

    public ArchiveHealthIndicator(ObjectStore store, SegmentSpool spool) {
        this.store = store;
        this.spool = spool;
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
        details.put("spoolDropped", spool.dropped());
        HealthStatus status = storeReachable || spoolError == null ? HealthStatus.UP : HealthStatus.DOWN;
        return HealthResult.builder("archive", status).details(details).build();
    }
}
