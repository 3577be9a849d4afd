package io.vigil.archive;

import io.vigil.archive.spool.SegmentSpool;
import io.vigil.archive.spool.SpoolConfig;
import io.vigil.archive.store.ObjectStore;
import io.vigil.kernel.hook.FaultSince;
import io.vigil.kernel.hook.ServiceFault;
import io.vigil.kernel.hook.ServiceFaults;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The archive's service faults: the object store not answering (every node's, footage waits in the spools), this node's
 * spool failing to write (footage is being lost) or past {@link #FILLING_PERCENT} of {@code vigil.spool.max-bytes} (at
 * the bound the oldest unsent footage is dropped). One bounded store probe per look.
 */
@Singleton
public class ArchiveFaults implements ServiceFaults {

    public static final String STORE_UNREACHABLE = "store-unreachable";
    public static final String SPOOL_UNWRITABLE = "spool-unwritable";
    public static final String SPOOL_FILLING = "spool-filling";

    /** The spool's fill, in percent of its bound, at which it is reported as filling up. */
    public static final int FILLING_PERCENT = 80;

    private final ObjectStore store;
    private final SegmentSpool spool;
    private final long spoolMaxBytes;
    private final Clock clock;
    private final FaultSince since = new FaultSince();

    public ArchiveFaults(ObjectStore store, SegmentSpool spool, SpoolConfig spoolConfig, Clock clock) {
        this.store = store;
        this.spool = spool;
        this.spoolMaxBytes = spoolConfig.maxBytes();
        this.clock = clock;
    }

    @Override
    public List<ServiceFault> current() {
        Instant now = clock.instant();
        List<ServiceFault> faults = new ArrayList<>();
        if (!store.reachable()) {
            faults.add(fault(
                    STORE_UNREACHABLE,
                    ServiceFault.Scope.SERVICE,
                    "The object store does not answer: footage waits in the nodes' spools",
                    now));
        }
        String writeError = spool.lastWriteError();
        if (writeError != null) {
            faults.add(fault(
                    SPOOL_UNWRITABLE,
                    ServiceFault.Scope.NODE,
                    "The spool cannot write segments (" + writeError + "): footage is being lost",
                    now));
        }
        long spooled = spool.sizeBytes();
        if (spooled * 100 >= spoolMaxBytes * FILLING_PERCENT) {
            faults.add(fault(
                    SPOOL_FILLING,
                    ServiceFault.Scope.NODE,
                    "The spool holds " + mebibytes(spooled) + " MiB of its " + mebibytes(spoolMaxBytes)
                            + " MiB: at the bound the oldest unsent footage is dropped",
                    now));
        }
        Set<String> keys = new LinkedHashSet<>();
        faults.forEach(f -> keys.add(f.key()));
        since.seen(keys, now);
        return faults.stream()
                .map(f -> new ServiceFault(f.key(), f.scope(), f.summary(), since.since(f.key(), now)))
                .toList();
    }

    private static ServiceFault fault(String key, ServiceFault.Scope scope, String summary, Instant now) {
        return new ServiceFault(key, scope, summary, now);
    }

    private static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
