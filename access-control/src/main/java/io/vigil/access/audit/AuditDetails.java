package io.vigil.access.audit;

import io.micronaut.http.HttpRequest;
import io.vigil.access.SecurityConfig;
import io.vigil.access.rule.RouteRule;
import io.vigil.archive.index.Segment;
import io.vigil.archive.read.ArchiveReader;
import io.vigil.kernel.AuditNote;
import io.vigil.kernel.TimeRange;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an audit event says beyond its route: read from the note the answering feature published ({@link AuditNote}) or
 * from the segment a request fetched.
 */
@Singleton
public class AuditDetails {

    private final ArchiveReader archive;
    private final Clock clock;
    private final SecurityConfig config;

    public AuditDetails(ArchiveReader archive, Clock clock, SecurityConfig config) {
        this.archive = archive;
        this.clock = clock;
        this.config = config;
    }

    /**
     * The detail of an event: what the answering feature published ({@link AuditNote}: its camera and range replace
     * those the request names), else the user a {@code /api/users/{username}} route names, else the route.
     */
    static String describe(HttpRequest<?> request, AuditEvent.Builder event, Map<String, Object> variables) {
        Optional<AuditNote> note = AuditNote.of(request);
        if (note.isPresent()) {
            AuditNote n = note.get();
            if (n.cameraId() != null) {
                event.camera(n.cameraId());
            }
            if (n.start() != null) {
                event.range(n.start(), n.end());
            }
            return n.detail();
        }
        if (variables.containsKey("username")) {
            return "user " + variables.get("username");
        }
        return AuditNote.route(request);
    }

    /**
     * A viewing session that began with a segment (no playlist first): LIVE_VIEW when the segment is live,
     * PLAYBACK otherwise, with the segment's range.
     */
    String segmentSession(AuditEvent.Builder event, String cameraId, Map<String, Object> variables, RouteRule rule) {
        Optional<Segment> segment = Optional.empty();
        try {
            long sequence = Long.parseLong(String.valueOf(variables.get("sequence")));
            segment = cameraId == null ? Optional.empty() : archive.find(cameraId, sequence); // null: a malformed id
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
