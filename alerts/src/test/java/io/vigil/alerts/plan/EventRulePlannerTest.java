package io.vigil.alerts.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which alerts a posted event sends (pure); each test name is a rule. */
class EventRulePlannerTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final EventRule DOCK_PERSON = new EventRule("dock-person", "person", Set.of("dock", "gate"), 60_000);
    static final EventRule ANY_ALARM = new EventRule("any-alarm", "Alarm", Set.of(), 0);

    /** When each camera was last alerted, by rule. */
    final Map<String, Map<String, Instant>> last = new HashMap<>();

    List<String> plan(String label, String... cameras) {
        return EventRulePlanner.plan(NOW, List.of(DOCK_PERSON, ANY_ALARM), label, List.of(cameras), (rule, ids) -> {
                    Map<String, Instant> known = last.getOrDefault(rule, Map.of());
                    Map<String, Instant> asked = new HashMap<>();
                    ids.forEach(id -> {
                        if (known.containsKey(id)) {
                            asked.put(id, known.get(id));
                        }
                    });
                    return asked;
                })
                .stream()
                .map(m -> m.rule().name() + " " + String.join(",", m.cameraIds()))
                .toList();
    }

    @Test
    void anEventWithTheLabelOnAWatchedCameraSendsOneAlertAboutTheWatchedCameras() {
        assertEquals(List.of("dock-person dock,gate"), plan("person", "dock", "lobby", "gate"));
    }

    @Test
    void theLabelMatchesInAnyCaseAndAroundSpaces() {
        assertEquals(List.of("dock-person dock"), plan(" PERSON ", "dock"));
        assertEquals(List.of("any-alarm lobby"), plan("alarm", "lobby"));
    }

    @Test
    void anotherLabelOrOnlyUnwatchedCamerasSendNothing() {
        assertEquals(List.of(), plan("vehicle", "dock"));
        assertEquals(List.of(), plan("person", "lobby"));
    }

    @Test
    void aRuleNamingNoCameraWatchesEveryCamera() {
        assertEquals(List.of("any-alarm a,b"), plan("alarm", "a", "b"));
    }

    @Test
    void aCameraAlertedWithinTheCooldownIsLeftOutAndAfterItIsBack() {
        last.put("dock-person", Map.of("dock", NOW.minusSeconds(59)));
        assertEquals(List.of("dock-person gate"), plan("person", "dock", "gate"));
        assertEquals(List.of(), plan("person", "dock"), "every camera in its cooldown: nothing");
        last.put("dock-person", Map.of("dock", NOW.minusSeconds(60)));
        assertEquals(List.of("dock-person dock"), plan("person", "dock"));
    }

    @Test
    void aCooldownIsPerRule() {
        last.put("dock-person", Map.of("dock", NOW.minusSeconds(1)));
        assertEquals(List.of(), plan("person", "dock"));
        assertEquals(List.of("any-alarm dock"), plan("alarm", "dock"));
    }

    @Test
    void aRuleWithoutALabelOrWithABadNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EventRule("x", " ", Set.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new EventRule("Bad Name", "person", Set.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new EventRule("x", "person", Set.of(), -1));
    }
}
