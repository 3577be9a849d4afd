package io.vigil.access.audit;

import io.micronaut.http.HttpRequest;
import io.vigil.access.SecurityConfig;
import io.vigil.access.rule.RouteRule;
import io.vigil.access.share.Share;
import io.vigil.access.user.UserView;
import io.vigil.archive.SegmentCatalog;
import io.vigil.archive.index.Segment;
import io.vigil.camera.CameraEdit;
import io.vigil.camera.CameraView;
import io.vigil.kernel.TimeRange;
import io.vigil.retention.hold.Hold;
import io.vigil.retention.run.RunSummary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What an audit event says beyond its route: read from the answer (a hold, a share, a user) or the segment. */
@Singleton
public class AuditDetails {

    private final SegmentCatalog catalog;
    private final Clock clock;
    private final SecurityConfig config;

    public AuditDetails(SegmentCatalog catalog, Clock clock, SecurityConfig config) {
        this.catalog = catalog;
        this.clock = clock;
        this.config = config;
    }

    /** The detail of an event, filling in camera and range from the answer's body where it has them. */
    String describe(HttpRequest<?> request, Object body, AuditEvent.Builder event, Map<String, Object> variables) {
        String detail = request.getMethodName() + " " + request.getPath();
        if (body instanceof Hold h) {
            event.camera(h.cameraId()).range(h.start(), h.end());
            return "hold " + h.id() + ": " + h.reason();
        }
        if (body instanceof Share s) {
            event.camera(s.cameraId()).range(s.start(), s.end());
            return "share " + s.id() + " until " + s.expires();
        }
        if (body instanceof CameraView v) {
            event.camera(v.id());
            return request.getAttribute(CameraEdit.REQUEST_ATTRIBUTE, String.class).map(change -> detail + ": " + change)
                    .orElse(detail);
        }
        if (body instanceof UserView u) {
            return "user " + u.username() + " role " + u.role() + (u.cameras() == null ? "" : " cameras " + u.cameras());
        }
        if (body instanceof RunSummary r) {
            return "retention run " + r.id() + " " + r.outcome();
        }
        if (variables.containsKey("username")) {
            return "user " + variables.get("username");
        }
        return detail;
    }

    /**
     * A viewing session that began with a segment (no playlist first): LIVE_VIEW when the segment is live,
     * PLAYBACK otherwise, with the segment's range.
     */
    String segmentSession(AuditEvent.Builder event, String cameraId, Map<String, Object> variables, RouteRule rule) {
        Optional<Segment> segment = Optional.empty();
        try {
            long sequence = Long.parseLong(String.valueOf(variables.get("sequence")));
            segment = cameraId == null ? Optional.empty() : catalog.find(cameraId, sequence); // null: a malformed id
        } catch (NumberFormatException e) {
            // no such segment: the answer says so
        }
        if (segment.isEmpty()) {
            return "segment " + variables.get("sequence");
        }
        Segment s = segment.get();
        event.range(s.start(), s.start().plusMillis(s.durationMillis()));
        if (rule != null && !s.start().isBefore(clock.instant().minus(config.liveSegmentAge()))) {
            event.action(AuditAction.LIVE_VIEW);
        }
        return "segments from " + s.sequence() + " fetched directly";
    }

    /** A request's time for its audit row: null when it is missing, bad or out of bounds (the row is written anyway). */
    static Instant instant(String text) {
        return TimeRange.tryParse(text).orElse(null);
    }
}
