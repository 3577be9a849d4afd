package io.vigil.alerts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.alerts.EventRuleConfig;
import io.vigil.alerts.plan.EventRule;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.TestClock;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings' rules and the API's, on a real database: one name one rule, the settings' changed only there. */
class EventRuleSetTest {

    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final EventRuleSet rules = new EventRuleSet(
            List.of(new EventRuleConfig("dock-person", "person", List.of("dock"), Duration.ofSeconds(60))),
            new EventRuleRepository(db),
            new TestClock(Instant.parse("2026-12-07T12:00:00Z")));

    static ErrorCode code(Runnable r) {
        return assertThrows(VigilException.class, r::run).code();
    }

    @Test
    void anApiRuleIsKeptAndListedAfterTheSettingsOnes() {
        EventRule yard = new EventRule("yard-car", "car", Set.of("yard", "gate"), 5_000);
        rules.create(yard, "admin");
        assertEquals(
                List.of("dock-person", "yard-car"),
                rules.all().stream().map(EventRule::name).toList());
        assertEquals(yard, rules.all().get(1), "read back whole");
        assertEquals(
                new EventRule("every", "alarm", Set.of(), 0),
                rules.create(new EventRule("every", "alarm", Set.of(), 0), "admin"));
        assertEquals(Set.of(), rules.all().get(1).cameraIds(), "no cameras: every camera");
    }

    @Test
    void aNameIsOneRulesOnly() {
        assertEquals(
                ErrorCode.ALERT_RULE_EXISTS,
                code(() -> rules.create(new EventRule("dock-person", "x", Set.of(), 0), "admin")));
        rules.create(new EventRule("yard-car", "car", Set.of(), 0), "admin");
        assertEquals(
                ErrorCode.ALERT_RULE_EXISTS,
                code(() -> rules.create(new EventRule("yard-car", "truck", Set.of(), 0), "admin")));
    }

    @Test
    void onlyAnApiRuleIsDeletedThroughTheApi() {
        rules.create(new EventRule("yard-car", "car", Set.of(), 0), "admin");
        rules.delete("yard-car");
        assertEquals(
                List.of("dock-person"),
                rules.all().stream().map(EventRule::name).toList());
        assertEquals(ErrorCode.ALERT_RULE_NOT_FOUND, code(() -> rules.delete("yard-car")));
        assertEquals(ErrorCode.ALERT_RULE_IN_SETTINGS, code(() -> rules.delete("dock-person")));
    }
}
