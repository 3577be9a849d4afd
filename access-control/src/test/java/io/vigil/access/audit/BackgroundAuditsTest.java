package io.vigil.access.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.kernel.hook.BackgroundAudit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the service does on its own reaches the audit log as rows by system:vigil, failures as FAILED. */
@Tag(TestDatabase.TAG)
class BackgroundAuditsTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    final AuditLog log = new AuditLog(new Database(TestDatabase.migrated(TestDatabase.fresh())));
    final BackgroundAudits audits = new BackgroundAudits(log, new TestClock(T));

    @Test
    void eachBackgroundActionIsARowByTheServiceWithItsOutcome() {
        audits.record(
                BackgroundAudit.Action.ALERT_FIRE, "dock", "alert a1 (camera-down): Camera dock is OFFLINE", false);
        audits.record(BackgroundAudit.Action.ALERT_DELIVERY, null, "alert a1 FAILED to reach https://h:443", true);
        List<AuditEvent> rows = log.find(new AuditQuery(null, null, "system:vigil", null, null, null, 0, 10, false));
        assertEquals(2, rows.size());
        AuditEvent fired = rows.get(0);
        assertEquals(AuditAction.ALERT_FIRE, fired.action());
        assertEquals("dock", fired.cameraId());
        assertEquals(T, fired.at());
        assertEquals("OK", fired.outcome());
        assertEquals("alert a1 (camera-down): Camera dock is OFFLINE", fired.detail());
        AuditEvent failed = rows.get(1);
        assertEquals(AuditAction.ALERT_DELIVERY, failed.action());
        assertEquals(null, failed.cameraId());
        assertEquals("FAILED", failed.outcome());
    }

    @Test
    void everyBackgroundActionIsAnAuditAction() {
        for (BackgroundAudit.Action action : BackgroundAudit.Action.values()) {
            assertEquals(action.name(), AuditAction.valueOf(action.name()).name());
        }
    }
}
