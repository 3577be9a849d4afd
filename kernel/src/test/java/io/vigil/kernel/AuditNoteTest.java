package io.vigil.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditNoteTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-22T11:00:00Z");

    @Test
    void theNoteAControllerPublishesIsTheOneTheAuditLogReads() {
        HttpRequest<?> request = HttpRequest.POST("/api/holds", "{}");
        assertEquals(Optional.empty(), AuditNote.of(request));
        AuditNote.detail("first").publishOn(request);
        AuditNote hold = AuditNote.footage("door", START, END, "hold h1: court order");
        hold.publishOn(request);
        assertEquals(Optional.of(hold), AuditNote.of(request));
        assertEquals(new AuditNote("door", START, END, "hold h1: court order"), hold);
        assertEquals("POST /api/holds", AuditNote.route(request));
    }

    @Test
    void anotherObjectUnderTheAttributeIsNoNote() {
        HttpRequest<?> request = HttpRequest.GET("/api/cameras");
        request.setAttribute(AuditNote.ATTRIBUTE, "not a note");
        assertEquals(Optional.empty(), AuditNote.of(request));
    }

    @Test
    void aNoteHasADetailAndARangeWithBothEndsOrNone() {
        assertEquals(
                new AuditNote(null, null, null, "retention run r1 COMPLETED"),
                AuditNote.detail("retention run r1 COMPLETED"));
        assertEquals(new AuditNote("door", null, null, "x"), AuditNote.camera("door", "x"));
        assertThrows(NullPointerException.class, () -> AuditNote.detail(null));
        assertThrows(NullPointerException.class, () -> AuditNote.camera(null, "x"));
        assertThrows(NullPointerException.class, () -> AuditNote.footage("door", null, END, "x"));
        assertThrows(IllegalArgumentException.class, () -> new AuditNote("door", START, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new AuditNote("door", null, END, "x"));
    }
}
