package io.vigil.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.alerts.plan.EventRule;
import io.vigil.error.VigilException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An event rule as sent through the API: what is taken, and each refusal naming its field. */
class EventRuleRulesTest {

    static String refused(String name, String label, List<String> cameras, Long cooldown) {
        VigilException e = assertThrows(
                VigilException.class, () -> EventRuleRules.check(new EventRuleRequest(name, label, cameras, cooldown)));
        return String.join(",", e.fieldErrors().keySet());
    }

    @Test
    void aRuleIsTakenTrimmedWithTheDefaultCooldown() {
        EventRule rule = EventRuleRules.check(
                new EventRuleRequest(" dock-person ", " person ", List.of("dock", " gate", "dock"), null));
        assertEquals(new EventRule("dock-person", "person", Set.of("dock", "gate"), 60_000), rule);
    }

    @Test
    void noCamerasMeansEveryCamera() {
        assertEquals(
                Set.of(),
                EventRuleRules.check(new EventRuleRequest("any", "alarm", null, 0L))
                        .cameraIds());
    }

    @Test
    void eachBadFieldIsNamed() {
        assertEquals("name", refused("Bad Name", "person", null, null));
        assertEquals("name", refused(null, "person", null, null));
        assertEquals("label", refused("x", " ", null, null));
        assertEquals("label", refused("x", "p".repeat(65), null, null));
        assertEquals("cameraIds", refused("x", "person", List.of("../etc"), null));
        assertEquals("cameraIds", refused("x", "person", Arrays.asList("dock", null), null));
        assertEquals("cameraIds", refused("x", "person", Collections.nCopies(65, "dock"), null));
        assertEquals("cooldownSeconds", refused("x", "person", null, -1L));
        assertEquals("cooldownSeconds", refused("x", "person", null, 86_401L));
        assertEquals(
                "cooldownSeconds,label,name",
                String.join(
                        ",",
                        new java.util.TreeSet<>(
                                List.of(refused("", "", null, -5L).split(",")))));
    }

    @Test
    void noBodyIsAClearError() {
        assertThrows(VigilException.class, () -> EventRuleRules.check(null));
    }
}
