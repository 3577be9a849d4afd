package io.vigil.access.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every audit action can be written and read back: its name fits the column (a row that cannot be written is a 503). */
@Tag(TestDatabase.TAG)
class AuditActionsTest {

    final AuditLog log = new AuditLog(new Database(TestDatabase.migrated(TestDatabase.fresh())));

    @Test
    void everyActionIsWrittenAndReadBack() {
        Instant at = Instant.parse("2026-12-07T12:00:00Z");
        for (AuditAction action : AuditAction.values()) {
            log.record(new AuditEvent(0, at, "admin", "admin", action, null, null, null, null, "OK", 200, null));
        }
        List<AuditAction> read =
                log.find(new AuditQuery(null, null, "admin", null, null, null, 0, 1000, false)).stream()
                        .map(AuditEvent::action)
                        .toList();
        assertEquals(Arrays.asList(AuditAction.values()), read);
    }
}
