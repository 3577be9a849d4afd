package io.vigil.investigation.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Incidents on a real database (H2, and PostgreSQL): stored whole, listed newest first, closed once. */
@Tag(TestDatabase.TAG)
class IncidentRepositoryTest {

    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    final IncidentRepository incidents =
            new IncidentRepository(new Database(TestDatabase.migrated(TestDatabase.fresh())));

    static Incident open(String title, Instant openedAt, String... cameras) {
        Map<String, String> holds = new java.util.LinkedHashMap<>();
        for (String camera : cameras) {
            holds.put(camera, UUID.randomUUID().toString());
        }
        return new Incident(
                UUID.randomUUID().toString(),
                title,
                List.of(cameras),
                T,
                T.plusSeconds(900),
                "case 114\nsecond line",
                holds,
                Incident.Status.OPEN,
                "alice",
                openedAt,
                null,
                null,
                null);
    }

    @Test
    void anIncidentIsReadBackAsStoredWithItsCamerasInOrderAndTheirHolds() {
        Incident stored = open("Dock break-in", T.plusSeconds(3600), "yard", "dock", "gate");
        incidents.insert(stored);
        Incident read = incidents.find(stored.id()).orElseThrow();
        assertEquals(stored, read);
        assertEquals(List.of("yard", "dock", "gate"), read.cameraIds(), "in the order given");
    }

    @Test
    void closingKeepsTheIncidentWithWhoClosedItWhenAndWhy() {
        Incident stored = open("Dock break-in", T.plusSeconds(3600), "dock");
        incidents.insert(stored);
        assertTrue(incidents.markClosed(stored.id(), T.plusSeconds(7200), "bob", "handed to the police"));
        assertFalse(incidents.markClosed(stored.id(), T.plusSeconds(7300), "carol", "again"), "closed once");
        Incident closed = incidents.find(stored.id()).orElseThrow();
        assertEquals(Incident.Status.CLOSED, closed.status());
        assertEquals("bob", closed.closedBy());
        assertEquals(T.plusSeconds(7200), closed.closedAt());
        assertEquals("handed to the police", closed.closeNote());
        assertEquals(stored.holdIds(), closed.holdIds(), "the holds it placed stay on record");
    }

    @Test
    void theListIsNewestFirstAndHidesClosedOnesUnlessAsked() {
        Incident older = open("older", T.plusSeconds(10), "dock");
        Incident newer = open("newer", T.plusSeconds(20), "gate", "dock");
        Incident closed = open("closed", T.plusSeconds(30), "yard");
        List.of(older, newer, closed).forEach(incidents::insert);
        incidents.markClosed(closed.id(), T.plusSeconds(40), "bob", null);
        assertEquals(List.of("newer", "older"), titles(incidents.list(false, 10)));
        assertEquals(List.of("closed", "newer", "older"), titles(incidents.list(true, 10)));
        assertEquals(List.of("closed"), titles(incidents.list(true, 1)), "at most the limit");
    }

    private static List<String> titles(List<Incident> list) {
        return list.stream().map(Incident::title).toList();
    }
}
