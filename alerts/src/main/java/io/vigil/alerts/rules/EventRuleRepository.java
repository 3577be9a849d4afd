package io.vigil.alerts.rules;

import io.vigil.alerts.plan.EventRule;
import io.vigil.kernel.database.Database;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The {@code alert_event_rule} table (Flyway {@code V36}): the event rules made through the API. Plain JDBC. */
@Singleton
public class EventRuleRepository {

    private final Database db;

    public EventRuleRepository(Database db) {
        this.db = db;
    }

    /** Every rule, by name. */
    public List<EventRule> all() {
        return db.query(
                "SELECT name, label, camera_ids, cooldown_millis FROM alert_event_rule ORDER BY name",
                rs -> new EventRule(rs.getString(1), rs.getString(2), cameras(rs.getString(3)), rs.getLong(4)));
    }

    /** Stores a new rule; false when one of that name exists. */
    public boolean insert(EventRule rule, String createdBy, Instant at) {
        return db.inTransaction(() -> {
            if (db.query("SELECT 1 FROM alert_event_rule WHERE name = ?", rs -> 1, rule.name())
                            .size()
                    > 0) {
                return false;
            }
            db.update(
                    "INSERT INTO alert_event_rule (name, label, camera_ids, cooldown_millis, created_by, created_millis) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    rule.name(),
                    rule.label(),
                    String.join(",", rule.cameraIds().stream().sorted().toList()),
                    rule.cooldownMillis(),
                    createdBy,
                    at.toEpochMilli());
            return true;
        });
    }

    /** Deletes the rule; false when there was none of that name. */
    public boolean delete(String name) {
        return db.update("DELETE FROM alert_event_rule WHERE name = ?", name) == 1;
    }

    private static Set<String> cameras(String joined) {
        return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(",")));
    }
}
