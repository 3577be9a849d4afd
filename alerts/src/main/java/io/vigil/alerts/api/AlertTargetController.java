package io.vigil.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.alerts.AlertTarget;
import io.vigil.alerts.targets.WebhookRequest;
import io.vigil.alerts.targets.WebhookTargets;
import io.vigil.kernel.AuditNote;
import io.vigil.kernel.hook.RequestPrincipal;
import java.net.URI;

/**
 * {@code /api/alerts/targets} (admins): webhooks made and deleted through the API, each alert delivered to them as to
 * the settings' targets; answered and audited by origin only. {@code GET /api/alerts/settings} lists every target.
 */
@Controller("/api/alerts/targets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertTargetController {

    private final WebhookTargets webhooks;
    private final RequestPrincipal principal;

    public AlertTargetController(WebhookTargets webhooks, RequestPrincipal principal) {
        this.webhooks = webhooks;
        this.principal = principal;
    }

    @Post
    public HttpResponse<AlertSettings.Target> create(HttpRequest<?> http, @Nullable @Body WebhookRequest request) {
        AlertTarget.Webhook made = webhooks.create(request, principal.name(http));
        AuditNote.detail("webhook target " + made.name() + " at " + made.origin())
                .publishOn(http);
        return HttpResponse.created(
                new AlertSettings.Target(made.name(), made.kind().name(), made.origin(), "API"),
                URI.create("/api/alerts/settings"));
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(HttpRequest<?> http, String name) {
        webhooks.delete(name);
        AuditNote.detail("webhook target " + name).publishOn(http);
        return HttpResponse.noContent();
    }
}
