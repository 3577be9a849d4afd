package io.vigil.access.audit;

import io.micronaut.scheduling.annotation.Scheduled;
import io.vigil.access.SecurityConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the audit log for {@code vigil.security.audit-retention-days} (400 by default), independently of the
 * footage it describes: hourly, events older than that are deleted, oldest first.
 */
@Singleton
public class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    private static final int BATCH = 10_000;

    private final AuditLog log;
    private final Clock clock;
    private final Duration keep;

    public AuditRetention(AuditLog log, Clock clock, SecurityConfig config) {
        this.log = log;
        this.clock = clock;
        this.keep = Duration.ofDays(config.auditRetentionDays());
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "1h")
    public void run() {
        Instant cutoff = clock.instant().minus(keep);
        int total = 0;
        int deleted;
        do {
            deleted = log.deleteBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.info("audit retention deleted {} events recorded before {}", total, cutoff);
        }
    }
}
