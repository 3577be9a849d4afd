package io.vigil.alerts.plan;

import static io.vigil.camera.CameraStatus.State.CONNECTING;
import static io.vigil.camera.CameraStatus.State.DISABLED;
import static io.vigil.camera.CameraStatus.State.ERROR;
import static io.vigil.camera.CameraStatus.State.OFFLINE;
import static io.vigil.camera.CameraStatus.State.RECORDING;
import static io.vigil.camera.CameraStatus.State.UNAUTHORIZED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.camera.CameraStatus.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure planner: which alerts fire and recover at a check, on hand-made states; each test name is a rule. */
class AlertPlannerTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final AlertRule DOWN = AlertRule.cameraDown(30_000);
    static final DigestPolicy DIGEST = new DigestPolicy(3, 10_000);

    /** A camera in {@code state} for the last {@code seconds}. */
    static CameraObservation cam(String id, State state, long seconds) {
        return new CameraObservation(id, state, NOW.minusSeconds(seconds));
    }

    static OpenCondition opened(String id, long secondsAgo) {
        return new OpenCondition(
                id, DOWN.name(), OFFLINE, NOW.minusSeconds(secondsAgo), "alert-" + id, NOW.minusSeconds(1));
    }

    static AlertPlan plan(List<OpenCondition> open, CameraObservation... cameras) {
        return AlertPlanner.plan(NOW, List.of(DOWN), DIGEST, open, List.of(cameras));
    }

    /** Each alert as "FIRING camera-down a,b". */
    static List<String> alerts(AlertPlan plan) {
        List<String> out = new ArrayList<>();
        for (PlannedAlert a : plan.alerts()) {
            out.add(a.kind() + " " + a.ruleName() + " " + String.join(",", a.cameraIds()));
        }
        return out;
    }

    @Test
    void aCameraOfflineForTheDelayFiresOnce() {
        AlertPlan plan = plan(List.of(), cam("dock", OFFLINE, 30), cam("lobby", RECORDING, 600));
        assertEquals(List.of("FIRING camera-down dock"), alerts(plan));
        assertEquals(1, plan.fired().size());
        AlertPlan.Firing firing = plan.fired().get(0);
        assertEquals(new AlertedCamera("dock", OFFLINE, NOW.minusSeconds(30)), firing.camera());
        assertEquals(0, firing.alertIndex());
    }

    @Test
    void aCameraUnauthorizedForTheDelayFiresToo() {
        assertEquals(List.of("FIRING camera-down gate"), alerts(plan(List.of(), cam("gate", UNAUTHORIZED, 45))));
    }

    @Test
    void aCameraDownForLessThanTheDelayFiresNothingYet() {
        AlertPlan plan = plan(List.of(), cam("dock", OFFLINE, 29));
        assertTrue(plan.empty(), plan.toString());
    }

    @Test
    void aConditionThatClearsBeforeItsDelayFiresNothingNorARecovery() {
        assertTrue(plan(List.of(), cam("dock", RECORDING, 5)).empty());
    }

    @Test
    void anOpenConditionFiresNothingMoreWhateverFailingStateTheCameraMovesTo() {
        for (State state : List.of(OFFLINE, UNAUTHORIZED, CONNECTING, ERROR)) {
            assertTrue(
                    plan(List.of(opened("dock", 600)), cam("dock", state, 100)).empty(), state.name());
        }
    }

    @Test
    void theReturnToRecordingSendsOneRecoveryAndClearsTheCondition() {
        OpenCondition open = opened("dock", 600);
        AlertPlan plan = plan(List.of(open), cam("dock", RECORDING, 2));
        assertEquals(List.of("RECOVERY camera-down dock"), alerts(plan));
        assertEquals(List.of(open), plan.cleared());
        assertEquals(List.of(), plan.fired());
        assertEquals(
                new AlertedCamera("dock", RECORDING, NOW.minusSeconds(2)),
                plan.alerts().get(0).cameras().get(0));
    }

    @Test
    void aCameraDisabledOrRemovedWhileDownClearsItsConditionWithoutARecovery() {
        OpenCondition open = opened("dock", 600);
        AlertPlan disabled = plan(List.of(open), cam("dock", DISABLED, 2));
        assertEquals(List.of(), disabled.alerts());
        assertEquals(List.of(open), disabled.cleared());
        AlertPlan removed = plan(List.of(open));
        assertEquals(List.of(), removed.alerts());
        assertEquals(List.of(open), removed.cleared());
    }

    @Test
    void aRuleWithoutRecoveryClearsSilently() {
        AlertRule quiet = new AlertRule("quiet", EnumSet.of(OFFLINE), 30_000, false);
        OpenCondition open = new OpenCondition("dock", "quiet", OFFLINE, NOW.minusSeconds(600), "a1", NOW);
        AlertPlan plan =
                AlertPlanner.plan(NOW, List.of(quiet), DIGEST, List.of(open), List.of(cam("dock", RECORDING, 1)));
        assertEquals(List.of(), plan.alerts());
        assertEquals(List.of(open), plan.cleared());
    }

    @Test
    void aCameraThatFailsAgainAfterItsRecoveryFiresAgainAfterTheDelay() {
        assertTrue(plan(List.of(), cam("dock", OFFLINE, 10)).empty(), "a new condition, not due yet");
        assertEquals(List.of("FIRING camera-down dock"), alerts(plan(List.of(), cam("dock", OFFLINE, 31))));
    }

    @Test
    void twoCamerasDownAtOnceBelowTheDigestSizeFireOneAlertEach() {
        AlertPlan plan = plan(List.of(), cam("b", OFFLINE, 40), cam("a", OFFLINE, 40));
        assertEquals(List.of("FIRING camera-down a", "FIRING camera-down b"), alerts(plan));
        assertEquals(
                List.of(0, 1),
                plan.fired().stream().map(AlertPlan.Firing::alertIndex).toList());
    }

    @Test
    void manyCamerasFallingDueInOneCheckGoOutAsOneDigest() {
        AlertPlan plan = plan(
                List.of(),
                cam("c", OFFLINE, 31),
                cam("a", OFFLINE, 33),
                cam("b", UNAUTHORIZED, 35),
                cam("d", RECORDING, 900));
        assertEquals(List.of("FIRING camera-down a,b,c"), alerts(plan));
        assertTrue(plan.alerts().get(0).digest());
        assertEquals(3, plan.fired().size());
        assertTrue(plan.fired().stream().allMatch(f -> f.alertIndex() == 0));
    }

    @Test
    void aDueConditionWaitsForACameraThatWentDownWithinTheDigestWindowOfIt() {
        // a and b went down 31 and 32 s ago (due), c 25 s ago: within 10 s of both, due in 5 s
        List<CameraObservation> switchDied =
                List.of(cam("a", OFFLINE, 31), cam("b", OFFLINE, 32), cam("c", OFFLINE, 25));
        assertTrue(plan(List.of(), switchDied.toArray(CameraObservation[]::new)).empty(), "all wait for c");
        AlertPlan later = AlertPlanner.plan(NOW.plusSeconds(5), List.of(DOWN), DIGEST, List.of(), switchDied);
        assertEquals(List.of("FIRING camera-down a,b,c"), alerts(later));
    }

    @Test
    void aDueConditionDoesNotWaitForACameraThatWentDownOutsideTheDigestWindow() {
        AlertPlan plan = plan(List.of(), cam("a", OFFLINE, 45), cam("c", OFFLINE, 20));
        assertEquals(List.of("FIRING camera-down a"), alerts(plan));
    }

    @Test
    void manyCamerasRecoveringInOneCheckSendOneDigestRecovery() {
        AlertPlan plan = plan(
                List.of(opened("a", 600), opened("b", 600), opened("c", 600), opened("d", 600)),
                cam("a", RECORDING, 1),
                cam("b", RECORDING, 2),
                cam("c", RECORDING, 3),
                cam("d", OFFLINE, 700));
        assertEquals(List.of("RECOVERY camera-down a,b,c"), alerts(plan));
        assertEquals(3, plan.cleared().size());
    }

    @Test
    void eachRuleJudgesItsOwnConditions() {
        AlertRule unauthorized = new AlertRule("password", EnumSet.of(UNAUTHORIZED), 0, true);
        AlertPlan plan = AlertPlanner.plan(
                NOW,
                List.of(DOWN, unauthorized),
                DIGEST,
                List.of(opened("gate", 100)),
                List.of(cam("gate", UNAUTHORIZED, 100)));
        assertEquals(List.of("FIRING password gate"), alerts(plan), "open under camera-down, new under password");
    }

    @Test
    void aRuleRefusesStatesThatAreNotFailures() {
        assertThrows(IllegalArgumentException.class, () -> new AlertRule("x", EnumSet.of(RECORDING), 0, true));
        assertThrows(IllegalArgumentException.class, () -> new AlertRule("x", EnumSet.noneOf(State.class), 0, true));
        assertThrows(IllegalArgumentException.class, () -> new AlertRule("Bad Name", EnumSet.of(OFFLINE), 0, true));
        assertThrows(IllegalArgumentException.class, () -> new AlertRule("x", EnumSet.of(OFFLINE), -1, true));
        assertThrows(IllegalArgumentException.class, () -> new DigestPolicy(1, 0));
    }
}
