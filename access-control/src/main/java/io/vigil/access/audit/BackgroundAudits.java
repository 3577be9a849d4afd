package io.vigil.access.audit;

import io.vigil.kernel.hook.BackgroundAudit;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BackgroundAudit} hook: rows of what the service does on its own (alerts, their deliveries), by user
 * {@value BackgroundAudit#SERVICE_USER}, outcome FAILED (status 502: the target did not take it) when it failed.
 */
@Singleton
public class BackgroundAudits implements BackgroundAudit {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundAudits.class);

    /** The status a failed background row carries: what it was sent to did not take it. */
    static final int FAILED_STATUS = 502;

    private final AuditLog log;
    private final Clock clock;

    public BackgroundAudits(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void record(Action action, String cameraId, String detail, boolean failed) {
        try {
            log.record(AuditEvent.builder(AuditAction.valueOf(action.name()), clock.instant())
                    .user(SERVICE_USER, null)
                    .camera(cameraId)
                    .status(failed ? FAILED_STATUS : 200)
                    .detail(detail)
                    .build());
        } catch (RuntimeException e) {
            LOG.error("could not write the audit row {} {} ({}): {}", action, cameraId, detail, e.toString());
        }
    }
}
