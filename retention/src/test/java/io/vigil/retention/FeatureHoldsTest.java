package io.vigil.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.retention.hold.FeatureHolds;
import io.vigil.retention.hold.Hold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Holds placed through the hook other features use are ordinary holds: listed, kept by retention, released. */
@Tag(io.vigil.kernel.database.TestDatabase.TAG)
class FeatureHoldsTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final Instant DAYS_AGO_5 = NOW.minus(Duration.ofDays(5));

    RetentionHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    FeatureHolds hook() {
        return new FeatureHolds(h.holds, h.recorded, h.clock);
    }

    @Test
    void aHoldPlacedForSeveralCamerasKeepsEveryStreamOfEachUntilReleased() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.cameraWithSub("yard", 2, 2, null);
        h.camera("gate", 2, null);
        h.record("yard", "m1", DAYS_AGO_5, 5, 100);
        h.record("yard.sub", "s1", DAYS_AGO_5, 5, 100);
        h.record("gate", "g1", DAYS_AGO_5, 5, 100);

        Map<String, String> ids = hook().place(
                        List.of("yard", "gate", "yard"),
                        DAYS_AGO_5,
                        DAYS_AGO_5.plusSeconds(4),
                        "event 7: door forced",
                        "token:door-panel");

        assertEquals(List.of("yard", "gate"), List.copyOf(ids.keySet()), "one hold per camera, in order");
        Hold yard = h.holds.get(ids.get("yard"));
        assertEquals("event 7: door forced (placed by token:door-panel)", yard.reason());
        assertEquals(null, yard.stream(), "every stream");
        assertEquals(2, h.holds.active().size());
        h.service().runNow("TEST");
        assertEquals(List.of(0L, 1L, 4L), sequences("yard"));
        assertEquals(List.of(0L, 1L, 4L), sequences("yard.sub"));
        assertEquals(List.of(0L, 1L, 4L), sequences("gate"));

        hook().release(ids.get("yard"), "alice");
        hook().release(ids.get("yard"), "alice");
        assertEquals(NOW, h.holds.get(ids.get("yard")).released(), "released once, kept on record");
        h.service().runNow("TEST");
        assertEquals(List.of(4L), sequences("yard"));
        assertEquals(List.of(0L, 1L, 4L), sequences("gate"), "the other camera's hold still keeps it");
    }

    @Test
    void anUnknownCameraPlacesNoHoldAtAll() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("gate", 2, null);
        VigilException unknown = assertThrows(
                VigilException.class,
                () -> hook().place(List.of("gate", "nowhere"), DAYS_AGO_5, NOW, "event 8", "alice"));
        assertEquals(ErrorCode.CAMERA_NOT_FOUND, unknown.code());
        assertEquals(List.of(), h.holds.list(null), "all or none");
        VigilException backwards = assertThrows(
                VigilException.class, () -> hook().place(List.of("gate"), NOW, DAYS_AGO_5, "event 9", "alice"));
        assertEquals(ErrorCode.INVALID_RANGE, backwards.code());
        VigilException none =
                assertThrows(VigilException.class, () -> hook().place(List.of(), DAYS_AGO_5, NOW, "event 10", "alice"));
        assertEquals(List.of("cameraIds"), List.copyOf(none.fieldErrors().keySet()));
        assertEquals(
                ErrorCode.HOLD_NOT_FOUND,
                assertThrows(VigilException.class, () -> hook().release("no-such-hold", "alice"))
                        .code());
    }

    @Test
    void aLongReasonIsCutSoThePrincipalStillFits() throws Exception {
        h = new RetentionHarness(NOW, null);
        h.camera("gate", 2, null);
        String id = hook().place(List.of("gate"), DAYS_AGO_5, NOW, "x".repeat(5000), "token:" + "t".repeat(48))
                .get("gate");
        assertEquals(
                "x".repeat(900) + " (placed by token:" + "t".repeat(48) + ")",
                h.holds.get(id).reason());
    }

    private List<Long> sequences(String streamKey) {
        return h.index.oldest(streamKey, -1, 100).stream()
                .map(s -> s.sequence())
                .toList();
    }
}
