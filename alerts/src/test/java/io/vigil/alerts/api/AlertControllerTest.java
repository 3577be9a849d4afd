package io.vigil.alerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertRepository;
import io.vigil.alerts.delivery.Delivery;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.alerts.plan.AlertedCamera;
import io.vigil.alerts.plan.AlertedFault;
import io.vigil.alerts.plan.PlannedAlert;
import io.vigil.camera.CameraStatus.State;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.database.Database;
import io.vigil.kernel.database.TestDatabase;
import io.vigil.kernel.hook.CameraScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The listing on a real database: newest first, pages that end where the alerts end, the caller's cameras only. */
class AlertControllerTest {

    static final Instant T = Instant.parse("2026-12-07T12:00:00Z");

    final Database db = new Database(TestDatabase.migrated(TestDatabase.fresh()));
    final DeliveryRepository deliveries = new DeliveryRepository(db);
    final AlertRepository alerts = new AlertRepository(db, deliveries);
    final Set<String> allowed = new java.util.HashSet<>(Set.of("dock", "gate", "yard"));
    final CameraScope scope = new CameraScope() {
        @Override
        public boolean allows(HttpRequest<?> request, String cameraId) {
            return allowed.contains(cameraId);
        }

        @Override
        public void require(HttpRequest<?> request, String cameraId) {
            throw new UnsupportedOperationException();
        }
    };
    final AlertController controller = new AlertController(alerts, deliveries, scope);
    final HttpRequest<?> http = HttpRequest.GET("/api/alerts");

    /** Stores an alert about {@code camera} (or the store when null), {@code seconds} after T, with one delivery. */
    String alert(String camera, int seconds) {
        Instant at = T.plusSeconds(seconds);
        String id = UUID.randomUUID().toString();
        Alert alert = camera == null
                ? Alert.of(
                        id,
                        PlannedAlert.about(
                                PlannedAlert.Kind.FIRING, new AlertedFault("store-unreachable", "The store", at)),
                        at,
                        "n1")
                : new Alert(
                        id,
                        PlannedAlert.Kind.FIRING,
                        "camera-down",
                        List.of(new AlertedCamera(camera, State.OFFLINE, at)),
                        at,
                        "n1");
        alerts.record(
                List.of(alert),
                List.of(),
                List.of(),
                List.of(Delivery.pending(UUID.randomUUID().toString(), id, "webhook", "https://h:443", at)));
        return id;
    }

    List<String> ids(AlertView.Page page) {
        return page.alerts().stream().map(AlertView::id).toList();
    }

    @Test
    void pagesAreNewestFirstAndTheLastHasNoNext() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, alert(i % 2 == 0 ? "dock" : null, i));
        }
        AlertView.Page first = controller.list(http, "2", null);
        assertEquals(made.subList(0, 2), ids(first));
        AlertView.Page second = controller.list(http, "2", first.next());
        assertEquals(made.subList(2, 4), ids(second));
        AlertView.Page last = controller.list(http, "2", second.next());
        assertEquals(made.subList(4, 5), ids(last));
        assertNull(last.next(), "no next on the last page");
        assertNull(controller.list(http, "5", null).next(), "a page holding them all has no next");
        assertEquals(1, first.alerts().get(0).deliveries().size(), "each alert with its deliveries");
    }

    @Test
    void anAlertNamingACameraTheCallerMayNotSeeIsLeftOutAndNotFound() {
        String store = alert(null, 0);
        String dock = alert("dock", 1);
        String lobby = alert("lobby", 2);
        assertEquals(List.of(dock, store), ids(controller.list(http, null, null)));
        VigilException e = assertThrows(VigilException.class, () -> controller.get(http, lobby));
        assertEquals(ErrorCode.ALERT_NOT_FOUND, e.code());
        allowed.add("lobby");
        assertEquals(lobby, controller.get(http, lobby).id());
    }

    @Test
    void hiddenAlertsDoNotEndAPageEarly() {
        String dock = alert("dock", 0);
        for (int i = 1; i <= 3; i++) {
            alert("lobby", i);
        }
        String gate = alert("gate", 10);
        AlertView.Page first = controller.list(http, "1", null);
        assertEquals(List.of(gate), ids(first));
        AlertView.Page second = controller.list(http, "1", first.next());
        assertEquals(List.of(dock), ids(second), "read on past the hidden ones");
        assertNull(controller.list(http, "1", second.next()).next());
    }

    @Test
    void aBadLimitOrCursorIsAClearError() {
        for (String[] bad : new String[][] {{"0", null}, {"201", null}, {"x", null}, {null, "nope"}}) {
            VigilException e = assertThrows(VigilException.class, () -> controller.list(http, bad[0], bad[1]));
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), String.join(",", java.util.Arrays.asList(bad)));
        }
    }
}
