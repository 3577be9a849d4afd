package io.vigil.alerts.email;

import static io.vigil.camera.CameraStatus.State.OFFLINE;
import static io.vigil.camera.CameraStatus.State.RECORDING;
import static io.vigil.camera.CameraStatus.State.UNAUTHORIZED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertMessage;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedEvent;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.PlannedAlert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an alert's e-mail says, exactly: the subject, the text a person reads, the Message-ID. */
class AlertMailTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:35Z");
    static final String ID = "5f0c0000-0000-4000-8000-000000000001";

    static Alert alert(PlannedAlert.Kind kind, AlertedCamera... cameras) {
        return new Alert(ID, kind, "camera-down", List.of(cameras), T, "vigil-1");
    }

    @Test
    void aFiringSaysWhatWhichCameraSinceWhenAndWhoDecided() {
        Alert alert = alert(PlannedAlert.Kind.FIRING, new AlertedCamera("dock", OFFLINE, T.minusSeconds(31)));
        assertEquals("Camera dock is OFFLINE (for 31 s)", AlertMail.subject(alert));
        assertEquals("""
                Camera dock is OFFLINE (for 31 s)

                What:    fired under the alert rule camera-down
                Camera:
                  dock OFFLINE since 2026-12-07 12:00:04 UTC (2026-12-07T12:00:04Z)
                When:    2026-12-07 12:00:35 UTC (2026-12-07T12:00:35Z), decided by node vigil-1
                Alert:   5f0c0000-0000-4000-8000-000000000001

                The attached alert-5f0c0000-0000-4000-8000-000000000001.json is this alert as JSON, as a webhook \
                receives it (README, "Alerts").
                --\s
                Vigil
                """.replace("\n", "\r\n"), AlertMail.text(alert));
    }

    @Test
    void aDigestRecoveryListsEveryCamera() {
        Alert alert = alert(
                PlannedAlert.Kind.RECOVERY,
                new AlertedCamera("a", RECORDING, T.minusSeconds(2)),
                new AlertedCamera("b", RECORDING, T.minusSeconds(1)),
                new AlertedCamera("c", UNAUTHORIZED, T));
        assertEquals("3 cameras are recording again: a, b, c", AlertMail.subject(alert));
        String text = AlertMail.text(alert);
        assertEquals(
                List.of(
                        "What:    recovered under the alert rule camera-down, a digest of 3 cameras",
                        "Cameras:",
                        "  a RECORDING since 2026-12-07 12:00:33 UTC (2026-12-07T12:00:33Z)",
                        "  b RECORDING since 2026-12-07 12:00:34 UTC (2026-12-07T12:00:34Z)",
                        "  c UNAUTHORIZED since 2026-12-07 12:00:35 UTC (2026-12-07T12:00:35Z)"),
                text.lines().skip(2).limit(5).toList());
    }

    @Test
    void theMessageIdIsTheDeliveryIdAtTheSendersDomain() {
        assertEquals("<d-1@example.com>", AlertMail.messageId("d-1", "alerts@example.com"));
        assertEquals("<d-1@vigil.invalid>", AlertMail.messageId("d-1", "local-only"));
    }

    @Test
    void aServiceFaultSaysWhatIsWrongItsKeyAndSinceWhen() {
        Alert alert = new Alert(
                ID,
                PlannedAlert.Kind.FIRING,
                "service-fault",
                List.of(),
                new AlertedFault(
                        "store-unreachable",
                        "The object store does not answer: footage waits in the nodes' spools",
                        T.minusSeconds(31)),
                T,
                "vigil-1");
        assertEquals(
                List.of(
                        "What:    fired under the alert rule service-fault",
                        "Fault:",
                        "  The object store does not answer: footage waits in the nodes' spools",
                        "  store-unreachable seen since 2026-12-07 12:00:04 UTC (2026-12-07T12:00:04Z)",
                        "When:    2026-12-07 12:00:35 UTC (2026-12-07T12:00:35Z), decided by node vigil-1"),
                AlertMail.text(alert).lines().skip(2).limit(5).toList());
        assertEquals(AlertMessage.summary(alert), AlertMail.subject(alert));
    }

    @Test
    void anEventAlertNamesTheEventThenItsCameras() {
        Alert alert = new Alert(
                ID,
                PlannedAlert.Kind.FIRING,
                "dock-person",
                List.of(new AlertedCamera("dock", RECORDING, T.minusSeconds(600))),
                null,
                new AlertedEvent("ev-1", "person", T.minusSeconds(2), "token:analytics"),
                T,
                "vigil-1");
        assertEquals(
                List.of(
                        "What:    fired under the alert rule dock-person",
                        "Event:   \"person\" at 2026-12-07 12:00:33 UTC (2026-12-07T12:00:33Z) from token:analytics, event ev-1",
                        "Camera:",
                        "  dock RECORDING since 2026-12-07 11:50:35 UTC (2026-12-07T11:50:35Z)"),
                AlertMail.text(alert).lines().skip(2).limit(4).toList());
    }
}
