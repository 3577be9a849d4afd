package io.vigil.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertRepository;
import io.vigil.alerts.delivery.DeliveryRepository;
import io.vigil.error.ErrorCode;
import io.vigil.error.VigilException;
import io.vigil.kernel.hook.CameraScope;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/alerts}: the alerts sent, newest first, each with its deliveries. A caller sees an alert only when it
 * may see every camera the alert names (a fault's alert names none); the same 404 for an alert it may not see as for
 * none.
 */
@Controller("/api/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertController {

    private final AlertRepository alerts;
    private final DeliveryRepository deliveries;
    private final CameraScope scope;

    public AlertController(AlertRepository alerts, DeliveryRepository deliveries, CameraScope scope) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.scope = scope;
    }

    @Get
    public AlertView.Page list(
            HttpRequest<?> http, @Nullable @QueryValue String limit, @Nullable @QueryValue String after) {
        AlertQuery query = AlertQuery.parse(limit, after);
        List<AlertView> page = new ArrayList<>();
        Long cursorMillis = query.afterMillis();
        String cursorId = query.afterId();
        // read on past alerts the caller may not see, a bounded number of batches
        for (int batch = 0; batch < 10 && page.size() < query.limit(); batch++) {
            List<Alert> read = alerts.page(cursorMillis, cursorId, query.limit() + 1);
            for (Alert alert : read) {
                if (page.size() == query.limit()) {
                    return new AlertView.Page(
                            page,
                            AlertQuery.cursor(
                                    last(page).at().toEpochMilli(), last(page).id()));
                }
                cursorMillis = alert.at().toEpochMilli();
                cursorId = alert.id();
                if (visible(http, alert)) {
                    page.add(AlertView.of(alert, deliveries.forAlert(alert.id())));
                }
            }
            if (read.size() <= query.limit()) {
                return new AlertView.Page(page, null);
            }
        }
        return new AlertView.Page(page, AlertQuery.cursor(cursorMillis, cursorId));
    }

    @Get("/{id}")
    public AlertView get(HttpRequest<?> http, String id) {
        return alerts.find(id)
                .filter(a -> visible(http, a))
                .map(a -> AlertView.of(a, deliveries.forAlert(a.id())))
                .orElseThrow(() -> new VigilException(ErrorCode.ALERT_NOT_FOUND, "no alert " + id));
    }

    private boolean visible(HttpRequest<?> http, Alert alert) {
        return alert.cameras().stream().allMatch(c -> scope.allows(http, c.cameraId()));
    }

    private static AlertView last(List<AlertView> page) {
        return page.get(page.size() - 1);
    }
}
