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
import io.vigil.alerts.plan.EventRule;
import io.vigil.alerts.rules.EventRuleRequest;
import io.vigil.alerts.rules.EventRuleRules;
import io.vigil.alerts.rules.EventRuleSet;
import io.vigil.kernel.AuditNote;
import io.vigil.kernel.hook.RequestPrincipal;
import java.net.URI;

/**
 * {@code /api/alerts/rules} (admins): event rules made and deleted through the API; those in the settings are changed
 * there. {@code GET /api/alerts/settings} lists them all.
 */
@Controller("/api/alerts/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertRuleController {

    private final EventRuleSet rules;
    private final RequestPrincipal principal;

    public AlertRuleController(EventRuleSet rules, RequestPrincipal principal) {
        this.rules = rules;
        this.principal = principal;
    }

    @Post
    public HttpResponse<EventRule> create(HttpRequest<?> http, @Nullable @Body EventRuleRequest request) {
        EventRule rule = rules.create(EventRuleRules.check(request), principal.name(http));
        AuditNote.detail("event rule " + rule.name() + ": label " + rule.label() + " on "
                        + (rule.cameraIds().isEmpty()
                                ? "every camera"
                                : String.join(
                                        ", ", rule.cameraIds().stream().sorted().toList())))
                .publishOn(http);
        return HttpResponse.created(rule, URI.create("/api/alerts/settings"));
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(HttpRequest<?> http, String name) {
        rules.delete(name);
        AuditNote.detail("event rule " + name).publishOn(http);
        return HttpResponse.noContent();
    }
}
