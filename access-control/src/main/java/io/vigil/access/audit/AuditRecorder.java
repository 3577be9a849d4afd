package io.vigil.access.audit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.vigil.access.Caller;
import io.vigil.access.ClientAddress;
import io.vigil.access.Denial;
import io.vigil.access.SecurityConfig;
import io.vigil.access.rule.AccessRule;
import io.vigil.access.rule.RouteRule;
import io.vigil.access.rule.RouteRules;
import io.vigil.access.share.Share;
import io.vigil.camera.CameraView;
import io.vigil.retention.hold.Hold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the audit event of every audited route (see {@link RouteRules}) once its answer is known, refusals
 * included. Runs outside the security filter, so it sees the 401s and 403s too. Live playlists and share links
 * are recorded once per viewing session ({@link LiveViewSessions}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuditRecorder implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditLog log;
    private final Clock clock;
    private final boolean trustForwardedFor;
    private final LiveViewSessions sessions;

    public AuditRecorder(AuditLog log, Clock clock, SecurityConfig config) {
        this.log = log;
        this.clock = clock;
        this.trustForwardedFor = config.trustForwardedFor();
        this.sessions = new LiveViewSessions(config.liveViewGap());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<UriRouteMatch<?, ?>> match = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance).map(m -> (UriRouteMatch<?, ?>) m);
        if (match.isEmpty()) {
            return;
        }
        String template = AccessRule.template(match.get());
        Optional<RouteRule> rule = RouteRules.find(request.getMethodName(), template);
        if (rule.isEmpty() || rule.get().audit() == null) {
            return;
        }
        try {
            event(request, response, rule.get(), template, match.get().getVariableValues()).ifPresent(log::record);
        } catch (RuntimeException e) {
            LOG.error("could not write the audit event of {} {}: {}", request.getMethodName(), template, e.toString());
        }
    }

    private Optional<AuditEvent> event(HttpRequest<?> request, MutableHttpResponse<?> response, RouteRule rule,
                                       String template, Map<String, Object> variables) {
        Instant now = clock.instant();
        Optional<Caller> caller = Caller.of(request);
        String address = ClientAddress.of(request, trustForwardedFor);
        int status = response.code();
        AuditAction action = rule.audit();
        boolean viaShare = caller.map(c -> c.share() != null).orElse(false);
        if (viaShare) {
            action = AuditAction.SHARE_USE;
        }
        String cameraId = template.startsWith("/api/cameras/{id}") ? String.valueOf(variables.get("id")) : null;
        Object body = response.getBody().orElse(null);
        AuditEvent.Builder event = AuditEvent.builder(action, now)
                .user(caller.map(Caller::name).orElse(null), caller.map(Caller::roleId).orElse(null))
                .client(address).status(status)
                .range(instant(request.getParameters().get("start")), instant(request.getParameters().get("end")));
        String detail = request.getMethodName() + " " + request.getPath();
        if (body instanceof Hold h) {
            cameraId = h.cameraId();
            event.range(h.start(), h.end());
            detail = "hold " + h.id() + ": " + h.reason();
        } else if (body instanceof Share s) {
            cameraId = s.cameraId();
            event.range(s.start(), s.end());
            detail = "share " + s.id() + " until " + s.expires();
        } else if (body instanceof CameraView v) {
            cameraId = v.id();
        } else if (variables.containsKey("username")) {
            detail = "user " + variables.get("username");
        } else if (template.startsWith("/api/holds/") || template.startsWith("/api/shares/")) {
            detail = detail + " (" + variables.get("id") + ")";
        }
        if (viaShare) {
            detail = "share " + caller.get().share().id() + ": " + rule.audit() + " " + request.getPath();
        }
        Optional<Denial> denial = Denial.of(request);
        if (status >= 400 && denial.isPresent()) {
            detail = detail + " refused: " + denial.get().message();
        }
        event.camera(cameraId).detail(detail);
        if (action == AuditAction.LIVE_VIEW || viaShare) {
            String key = caller.map(Caller::name).orElse("-") + "|" + cameraId + "|" + address + "|" + action + "|" + status;
            if (!sessions.starts(key, now)) {
                return Optional.empty();
            }
        }
        return Optional.of(event.build());
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
