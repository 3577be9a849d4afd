package io.vigil.alerts;

import static io.vigil.camera.CameraStatus.State.OFFLINE;
import static io.vigil.camera.CameraStatus.State.RECORDING;
import static io.vigil.camera.CameraStatus.State.UNAUTHORIZED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.PlannedAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an alert says: its summary line and its JSON body, exactly. */
class AlertMessageTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:35Z");

    static Alert alert(PlannedAlert.Kind kind, AlertedCamera... cameras) {
        return new Alert("5f0c0000-0000-4000-8000-000000000001", kind, "camera-down", List.of(cameras), T, "vigil-1");
    }

    @Test
    void aFiringSaysWhichCameraIsInWhichStateForHowLong() {
        assertEquals(
                "Camera dock is OFFLINE (for 31 s)",
                AlertMessage.summary(
                        alert(PlannedAlert.Kind.FIRING, new AlertedCamera("dock", OFFLINE, T.minusSeconds(31)))));
    }

    @Test
    void aRecoverySaysTheCameraRecordsAgain() {
        assertEquals(
                "Camera dock is RECORDING again",
                AlertMessage.summary(alert(PlannedAlert.Kind.RECOVERY, new AlertedCamera("dock", RECORDING, T))));
    }

    @Test
    void aDigestCountsItsCamerasAndNamesTheFirstTen() {
        List<AlertedCamera> cameras = new ArrayList<>();
        for (int n = 10; n < 22; n++) {
            cameras.add(new AlertedCamera("c" + n, OFFLINE, T.minusSeconds(40)));
        }
        Alert digest = alert(PlannedAlert.Kind.FIRING, cameras.toArray(AlertedCamera[]::new));
        assertEquals(
                "12 cameras are down: c10, c11, c12, c13, c14, c15, c16, c17, c18, c19 and 2 more",
                AlertMessage.summary(digest));
        assertEquals(12, AlertMessage.body(digest).cameras().size(), "the body lists them all");
        Alert recovered = alert(
                PlannedAlert.Kind.RECOVERY, new AlertedCamera("a", RECORDING, T), new AlertedCamera("b", RECORDING, T));
        assertEquals("2 cameras are recording again: a, b", AlertMessage.summary(recovered));
    }

    @Test
    void theBodyIsTheDocumentedJson() throws Exception {
        Alert alert = alert(
                PlannedAlert.Kind.FIRING,
                new AlertedCamera("dock", OFFLINE, T.minusSeconds(31)),
                new AlertedCamera("gate", UNAUTHORIZED, T.minusSeconds(45)),
                new AlertedCamera("yard", OFFLINE, T.minusSeconds(33)));
        String json = new String(ObjectMapper.getDefault().writeValueAsBytes(AlertMessage.body(alert)), UTF_8);
        assertEquals(
                "{\"id\":\"5f0c0000-0000-4000-8000-000000000001\",\"type\":\"alert.firing\",\"rule\":\"camera-down\","
                        + "\"at\":\"2026-12-07T12:00:35Z\",\"digest\":true,"
                        + "\"summary\":\"3 cameras are down: dock, gate, yard\",\"cameras\":["
                        + "{\"id\":\"dock\",\"state\":\"OFFLINE\",\"since\":\"2026-12-07T12:00:04Z\"},"
                        + "{\"id\":\"gate\",\"state\":\"UNAUTHORIZED\",\"since\":\"2026-12-07T11:59:50Z\"},"
                        + "{\"id\":\"yard\",\"state\":\"OFFLINE\",\"since\":\"2026-12-07T12:00:02Z\"}],"
                        + "\"fault\":null,\"event\":null,\"node\":\"vigil-1\"}",
                json);
    }
}
