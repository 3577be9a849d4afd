package io.vigil.alerts.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Decides which alerts a posted event sends (pure): for each rule whose label it carries, the event's cameras the rule
 * watches, less those alerted under that rule within its cooldown; a rule left with no camera sends nothing.
 *
 * <p>{@code lastAlerted} answers, for a rule and the cameras in question, when each was last alerted under it.
 */
public final class EventRulePlanner {

    /** One alert to send: under this rule, about these cameras (in the event's order). */
    public record Match(EventRule rule, List<String> cameraIds) {}

    private EventRulePlanner() {}

    public static List<Match> plan(
            Instant now,
            List<EventRule> rules,
            String label,
            List<String> eventCameras,
            BiFunction<String, List<String>, Map<String, Instant>> lastAlerted) {
        List<Match> matches = new ArrayList<>();
        for (EventRule rule : rules) {
            if (!rule.matches(label)) {
                continue;
            }
            List<String> watched = eventCameras.stream().filter(rule::watches).toList();
            if (watched.isEmpty()) {
                continue;
            }
            Map<String, Instant> last = lastAlerted.apply(rule.name(), watched);
            List<String> due = watched.stream()
                    .filter(c ->
                            !last.containsKey(c) || !now.isBefore(last.get(c).plusMillis(rule.cooldownMillis())))
                    .toList();
            if (!due.isEmpty()) {
                matches.add(new Match(rule, due));
            }
        }
        return matches;
    }
}
