package io.vigil.access.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void quotesTextAndDefusesFormulas() {
        AuditEvent e = new AuditEvent(
                7,
                Instant.parse("2026-12-01T10:00:00Z"),
                "alice",
                "auditor",
                AuditAction.HOLD_CREATE,
                "lobby",
                Instant.parse("2026-12-01T09:00:00Z"),
                null,
                "127.0.0.1",
                "OK",
                201,
                "=HYPERLINK(\"x\"), case \"7\"\nnext");
        assertEquals(
                "7,2026-12-01T10:00:00Z,\"alice\",\"auditor\",HOLD_CREATE,\"lobby\",2026-12-01T09:00:00Z,,"
                        + "\"127.0.0.1\",OK,201,\"'=HYPERLINK(\"\"x\"\"), case \"\"7\"\"\nnext\"\r\n",
                AuditCsv.rows(List.of(e)));
        assertEquals("", AuditCsv.quoted(null));
    }
}
