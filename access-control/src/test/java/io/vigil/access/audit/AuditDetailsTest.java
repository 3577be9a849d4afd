package io.vigil.access.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.vigil.kernel.AuditNote;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An audit row's camera, range and detail come from the note the answering feature published, else from the route. */
class AuditDetailsTest {

    private static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-22T11:00:00Z");

    @Test
    void aNoteWithCameraAndRangeReplacesWhatTheRequestNamed() {
        HttpRequest<?> request = HttpRequest.DELETE("/api/holds/h1");
        AuditNote.footage("door", START, END, "hold h1: court order").publishOn(request);
        AuditEvent event = described(request, Map.of("id", "h1"), "yard", null, null);
        assertEquals(new Row("door", START, END, "hold h1: court order"), Row.of(event));
    }

    @Test
    void aNoteWithADetailOnlyKeepsTheRequestsCameraAndRange() {
        HttpRequest<?> request = HttpRequest.POST("/api/retention/runs", "");
        AuditNote.detail("retention run r1 COMPLETED").publishOn(request);
        AuditEvent event = described(request, Map.of(), "yard", START, END);
        assertEquals(new Row("yard", START, END, "retention run r1 COMPLETED"), Row.of(event));
    }

    @Test
    void withoutANoteTheRowNamesTheUserOfTheRouteOrTheRoute() {
        assertEquals(
                new Row(null, null, null, "user ann"),
                Row.of(described(HttpRequest.DELETE("/api/users/ann"), Map.of("username", "ann"), null, null, null)));
        assertEquals(
                new Row("door", null, null, "DELETE /api/cameras/door"),
                Row.of(described(HttpRequest.DELETE("/api/cameras/door"), Map.of("id", "door"), "door", null, null)));
    }

    private static AuditEvent described(
            HttpRequest<?> request, Map<String, Object> variables, String camera, Instant start, Instant end) {
        AuditEvent.Builder event =
                AuditEvent.builder(AuditAction.HOLD_RELEASE, AT).camera(camera).range(start, end);
        return event.detail(AuditDetails.describe(request, event, variables)).build();
    }

    private record Row(String cameraId, Instant start, Instant end, String detail) {
        static Row of(AuditEvent e) {
            return new Row(e.cameraId(), e.rangeStart(), e.rangeEnd(), e.detail());
        }
    }
}
