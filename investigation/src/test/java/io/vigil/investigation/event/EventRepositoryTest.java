package io.vigil.investigation.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Events on a real database (H2, and PostgreSQL): stored whole, found by overlap, camera and label, paged. */
@Tag(TestDatabase.TAG)
class EventRepositoryTest {

    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final EventRepository events = new EventRepository(db);

    static Event event(Instant start, Instant end, String label, String... cameras) {
        return new Event(
                UUID.randomUUID().toString(),
                List.of(cameras),
                start,
                end,
                label,
                null,
                null,
                null,
                "alice",
                T,
                null,
                null);
    }

    static EventQuery query(Instant start, Instant end) {
        return new EventQuery(null, start, end, null, null, 100);
    }

    List<String> labels(EventQuery q) {
        return events.list(q).stream().map(Event::label).toList();
    }

    @Test
    void anEventIsReadBackAsStoredWithItsCamerasInOrderAndItsHolds() {
        Event stored = new Event(
                UUID.randomUUID().toString(),
                List.of("gate", "dock", "yard"),
                T,
                T.plusSeconds(90),
                "Door forced",
                "line one\nline two",
                "door-panel-3",
                new EventHold(T.minusSeconds(30), T.plusSeconds(210), Map.of("gate", "h-gate", "yard", "h-yard")),
                "token:door-panel",
                T.plusSeconds(1),
                null,
                null);
        events.insert(stored);
        Event read = events.find(stored.id()).orElseThrow();
        assertEquals(stored, read);
        assertEquals(List.of("gate", "yard"), List.copyOf(read.hold().holdIds().keySet()), "in camera order");
        Event point = event(T, null, "Bookmark", "dock");
        events.insert(point);
        assertEquals(point, events.find(point.id()).orElseThrow());
    }

    @Test
    void aRangeFindsTheEventsOverlappingItAndPointEventsInsideIt() {
        events.insert(event(T, T.plusSeconds(60), "ranged 10:00-10:01", "dock"));
        events.insert(event(T.plusSeconds(60), null, "point 10:01", "dock"));
        events.insert(event(T.plusSeconds(120), null, "point 10:02", "dock"));
        assertEquals(
                List.of("point 10:01", "ranged 10:00-10:01"),
                labels(query(T.plusSeconds(30), T.plusSeconds(120))),
                "a range overlaps; a point at the query's end is outside it");
        assertEquals(
                List.of("point 10:01"),
                labels(query(T.plusSeconds(60), T.plusSeconds(61))),
                "a point at the query's start is inside; a range ending there is not");
        assertEquals(
                List.of("point 10:02", "point 10:01", "ranged 10:00-10:01"),
                labels(query(null, null)),
                "no range: all, newest first");
        assertEquals(List.of("point 10:02"), labels(query(T.plusSeconds(61), null)));
        assertEquals(List.of("ranged 10:00-10:01"), labels(query(null, T.plusSeconds(60))));
    }

    @Test
    void aCameraOrALabelNarrowsTheList() {
        events.insert(event(T, null, "Door forced", "dock", "gate"));
        events.insert(event(T.plusSeconds(1), null, "Door forced", "yard"));
        events.insert(event(T.plusSeconds(2), null, "Alarm", "gate"));
        assertEquals(
                List.of("Alarm", "Door forced"),
                labels(new EventQuery("gate", null, null, null, null, 100)),
                "any of an event's cameras");
        assertEquals(
                2,
                events.list(new EventQuery(null, null, null, "Door forced", null, 100))
                        .size());
        assertEquals(List.of(), labels(new EventQuery("lobby", null, null, null, null, 100)));
    }

    @Test
    void pagesFollowTheirCursorThroughEventsOfOneInstantToTheEnd() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Event e = event(T.plus(Duration.ofSeconds(i / 3)), null, "e" + i, "dock"); // three share each instant
            events.insert(e);
            ids.add(e.id());
        }
        List<String> seen = new ArrayList<>();
        EventCursor after = null;
        int pages = 0;
        while (true) {
            List<Event> page = events.list(new EventQuery(null, null, null, null, after, 3));
            pages++;
            boolean more = page.size() > 3;
            page.stream().limit(3).forEach(e -> seen.add(e.id()));
            if (!more) {
                break;
            }
            after = EventCursor.of(page.get(2));
        }
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertTrue(seen.containsAll(ids), "every event once");
        assertEquals(7, new java.util.HashSet<>(seen).size(), "none twice");
    }

    @Test
    void aDeletedEventIsKeptButNoLongerListed() {
        Event e = event(T, null, "Bookmark", "dock");
        events.insert(e);
        assertTrue(events.markDeleted(e.id(), T.plusSeconds(5), "bob"));
        assertFalse(events.markDeleted(e.id(), T.plusSeconds(9), "carol"), "once");
        Event deleted = events.find(e.id()).orElseThrow();
        assertEquals(T.plusSeconds(5), deleted.deletedAt());
        assertEquals("bob", deleted.deletedBy());
        assertEquals(List.of(), events.list(query(null, null)));
    }
}
