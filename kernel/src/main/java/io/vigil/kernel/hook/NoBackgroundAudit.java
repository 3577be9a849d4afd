package io.vigil.kernel.hook;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without access control there is no audit log: background rows go to the log instead. */
@Singleton
@Secondary
public class NoBackgroundAudit implements BackgroundAudit {

    private static final Logger LOG = LoggerFactory.getLogger(NoBackgroundAudit.class);

    @Override
    public void record(Action action, String cameraId, String detail, boolean failed) {
        LOG.info("{} {} {}: {}", action, failed ? "FAILED" : "OK", cameraId == null ? "-" : cameraId, detail);
    }
}
