package io.vigil.access.audit;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.vigil.access.Caller;
import io.vigil.access.ClientAddress;
import io.vigil.access.Denial;
import io.vigil.access.SecurityConfig;
import io.vigil.access.login.MediaCookie;
import io.vigil.access.rule.AccessRule;
import io.vigil.access.rule.RouteRule;
import io.vigil.access.rule.RouteRules;
import io.vigil.error.ErrorBody;
import io.vigil.error.ErrorCode;
import io.vigil.kernel.AuditNote;
import io.vigil.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit event of every audited route (see {@link RouteRules}) once its answer is known, refusals
 * included; runs outside the security filter, so it sees the 401s and 403s too. Viewing is recorded once per
 * session ({@link LiveViewSessions}): a live playlist polled, an EVENT playlist re-read, the segments a player
 * fetches after its playlist, a share link's uses, and the same refused request repeated from one address. A
 * 401 challenge to a request without any credentials is not a refusal and leaves no row. Footage is not served
 * when its event cannot be written: the answer becomes 503.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuditRecorder implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditLog log;
    private final Clock clock;
    private final boolean trustForwardedFor;
    private final LiveViewSessions sessions;
    private final AuditDetails details;

    public AuditRecorder(AuditLog log, Clock clock, SecurityConfig config, AuditDetails details) {
        this.log = log;
        this.clock = clock;
        this.details = details;
        this.trustForwardedFor = config.trustForwardedFor();
        this.sessions = new LiveViewSessions(config.liveViewGap());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<UriRouteMatch<?, ?>> match = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(m -> (UriRouteMatch<?, ?>) m);
        if (match.isEmpty()) {
            return response;
        }
        String template = AccessRule.template(match.get());
        Optional<RouteRule> rule = RouteRules.find(request.getMethodName(), template);
        if (rule.isEmpty() || (rule.get().audit() == null && !crossSite(request))) {
            return response;
        }
        if (challengeOnly(request, response)) {
            return response;
        }
        try {
            Optional<AuditEvent> event;
            try {
                event = event(
                        request, response, rule.get(), template, match.get().getVariableValues());
            } catch (RuntimeException e) {
                // whatever the request holds, its row is written: the bare facts, without what could not be read
                LOG.warn(
                        "could not describe the audit event of {} {}: {}",
                        request.getMethodName(),
                        template,
                        e.toString());
                event = Optional.of(bare(request, response, rule.get(), e));
            }
            event.ifPresent(log::record);
            return response;
        } catch (RuntimeException e) {
            LOG.error("could not write the audit event of {} {}: {}", request.getMethodName(), template, e.toString());
            if (response.code() >= 400) {
                return response;
            }
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ErrorBody.of(
                            ErrorCode.INDEX_UNAVAILABLE,
                            "the audit log cannot be written, so this is not served; try again"));
        }
    }

    private Optional<AuditEvent> event(
            HttpRequest<?> request,
            MutableHttpResponse<?> response,
            RouteRule rule,
            String template,
            Map<String, Object> variables) {
        Instant now = clock.instant();
        Optional<Caller> caller = Caller.of(request);
        String address = ClientAddress.of(request, trustForwardedFor);
        int status = response.code();
        String cameraId = AccessRule.cameraId(template, variables);
        if (cameraId != null && !io.vigil.kernel.CameraId.isValid(cameraId)) {
            cameraId = null; // a malformed id (refused with 400 by CameraIdFilter) is never a camera of the log
        }
        String named = request.getParameters().get("cameraId"); // e.g. /api/archive/check
        if (cameraId == null && named != null && io.vigil.kernel.CameraId.isValid(named)) {
            cameraId = named;
        }
        String who = caller.map(Caller::name).orElse("-");
        String view = who + "|" + cameraId + "|" + address;
        boolean viaShare = caller.map(c -> c.share() != null).orElse(false);
        boolean segment = rule.share() == RouteRule.ShareUse.SEGMENT;
        Optional<Denial> denial = Denial.of(request).filter(d -> status >= 400);
        String start = request.getParameters().get("start");
        String end = request.getParameters().get("end");

        boolean grouped = segment
                || viaShare
                || rule.audit() == AuditAction.LIVE_VIEW
                || rule.audit() == AuditAction.PLAYBACK
                || status == 401
                || status == 403
                || status == 429;
        if (grouped) {
            boolean fresh;
            if (status >= 400) {
                // a refusal or failure repeats into one row only when it is the very same request (a player retrying)
                fresh = sessions.starts(
                        address + "|" + who + "|" + request.getMethodName() + "|"
                                + Sha256.hex(request.getUri().toString().getBytes(StandardCharsets.UTF_8)) + "|"
                                + status,
                        now);
            } else if (segment) {
                fresh = sessions.starts(view, now);
            } else {
                sessions.starts(view, now); // the segments this playlist lists are part of its session
                fresh = sessions.starts(view + "|" + rule.audit() + "|" + start + "|" + end, now);
            }
            if (!fresh) {
                return Optional.empty();
            }
        }
        AuditEvent.Builder event = AuditEvent.builder(viaShare ? AuditAction.SHARE_USE : rule.audit(), now)
                .user(
                        caller.map(Caller::name).orElse(null),
                        caller.map(Caller::roleId).orElse(null))
                .client(address)
                .status(status)
                .camera(cameraId)
                .range(AuditDetails.instant(start), AuditDetails.instant(end));
        String detail = AuditDetails.describe(request, event, variables);
        if (segment) {
            // a sub stream's segment is the sub stream's (stream key); anything but sub is the main stream's
            String streamKey =
                    cameraId != null && "sub".equals(request.getParameters().get("stream"))
                            ? io.vigil.kernel.StreamKey.of(cameraId, io.vigil.kernel.StreamName.SUB)
                                    .value()
                            : cameraId;
            detail = details.segmentSession(event, streamKey, variables, viaShare ? null : rule);
        }
        if (viaShare) {
            detail = "share " + caller.get().share().id() + ": " + (segment ? "segments" : rule.audit()) + " "
                    + request.getPath();
        }
        if (denial.isPresent()) {
            detail = detail + " refused: " + denial.get().message();
        }
        if (crossSite(request)) {
            event.action(AuditAction.CROSS_SITE);
        }
        return Optional.of(event.detail(detail).build());
    }

    /**
     * A 401 to a request that carried no credentials at all (no {@code Authorization} header, no media cookie, no
     * share link) is HTTP Basic's challenge, which players such as ffmpeg and VLC wait for before they send their
     * password: nobody was refused anything, so it leaves no row. A 401 to wrong credentials does.
     */
    static boolean challengeOnly(HttpRequest<?> request, HttpResponse<?> response) {
        return response.code() == 401
                && request.getHeaders().getAuthorization().isEmpty()
                && request.getCookies().findCookie(MediaCookie.NAME).isEmpty()
                && request.getParameters().get("share") == null;
    }

    private static boolean crossSite(HttpRequest<?> request) {
        return Denial.of(request)
                .map(d -> d.code() == ErrorCode.CROSS_SITE_REQUEST)
                .orElse(false);
    }

    /** The row of a request whose details could not be read: route, caller, address and status. */
    private AuditEvent bare(
            HttpRequest<?> request, HttpResponse<?> response, RouteRule rule, RuntimeException problem) {
        Optional<Caller> caller = Caller.of(request);
        AuditAction action = crossSite(request)
                ? AuditAction.CROSS_SITE
                : caller.map(c -> c.share() != null).orElse(false) ? AuditAction.SHARE_USE : rule.audit();
        return AuditEvent.builder(action, clock.instant())
                .user(
                        caller.map(Caller::name).orElse(null),
                        caller.map(Caller::roleId).orElse(null))
                .client(ClientAddress.of(request, trustForwardedFor))
                .status(response.code())
                .detail(AuditNote.route(request) + " (details unreadable: "
                        + problem.getClass().getSimpleName() + ")")
                .build();
    }
}
