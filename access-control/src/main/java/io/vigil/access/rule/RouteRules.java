package io.vigil.access.rule;

import static io.vigil.access.Permission.AUDIT;
import static io.vigil.access.Permission.CAMERAS_READ;
import static io.vigil.access.Permission.CAMERAS_WRITE;
import static io.vigil.access.Permission.EVENTS_READ;
import static io.vigil.access.Permission.EVENTS_WRITE;
import static io.vigil.access.Permission.HISTORY;
import static io.vigil.access.Permission.HOLDS;
import static io.vigil.access.Permission.INCIDENTS;
import static io.vigil.access.Permission.LIVE;
import static io.vigil.access.Permission.METRICS;
import static io.vigil.access.Permission.PUBLIC;
import static io.vigil.access.Permission.RETENTION_READ;
import static io.vigil.access.Permission.RETENTION_RUN;
import static io.vigil.access.Permission.SHARES;
import static io.vigil.access.Permission.TIMELINE;
import static io.vigil.access.Permission.TOKENS;
import static io.vigil.access.Permission.USERS;
import static io.vigil.access.rule.RouteRule.ShareUse.EXACT_RANGE;
import static io.vigil.access.rule.RouteRule.ShareUse.INIT;
import static io.vigil.access.rule.RouteRule.ShareUse.NO;
import static io.vigil.access.rule.RouteRule.ShareUse.SEGMENT;

import io.vigil.access.Permission;
import io.vigil.access.audit.AuditAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rule of every route, keyed by method and URI template. A route without a rule is refused to everyone
 * (and a test fails), so a new endpoint cannot ship unprotected by accident.
 */
public final class RouteRules {

    private static final String CAMERA = "/api/cameras/{id}";
    private static final Map<String, RouteRule> RULES = new LinkedHashMap<>();

    static {
        rule("GET", "/health", PUBLIC);
        rule("GET", "/health/{selector}", PUBLIC);
        rule("GET", "/openapi.yml", PUBLIC);
        rule("GET", "/api/keys/export-signing", PUBLIC);
        rule("POST", "/login", PUBLIC);
        rule("POST", "/login/refresh", PUBLIC);
        rule("POST", "/logout", PUBLIC);
        rule("GET", "/metrics", METRICS);

        rule("GET", "/api/cameras", CAMERAS_READ);
        rule("GET", CAMERA, CAMERAS_READ);
        rule("POST", "/api/cameras", CAMERAS_WRITE, AuditAction.CAMERA_CREATE, NO);
        rule("PUT", CAMERA, CAMERAS_WRITE, AuditAction.CAMERA_UPDATE, NO);
        rule("DELETE", CAMERA, CAMERAS_WRITE, AuditAction.CAMERA_DELETE, NO);
        // every camera's footage against the global quota: sizes and rates, no footage
        rule("GET", "/api/storage", CAMERAS_READ);

        rule("GET", CAMERA + "/live.m3u8", LIVE, AuditAction.LIVE_VIEW, NO);
        // the streams' bit rates and codecs, no footage: audited when a player opens a variant (live or playlist)
        rule("GET", CAMERA + "/master.m3u8", LIVE, null, NO);
        // the live edge's parts, segments and init segments: part of the viewing session its playlist began
        rule("GET", CAMERA + "/live/{name}", LIVE, AuditAction.LIVE_VIEW, NO);
        rule("GET", CAMERA + "/live/init/{name}", LIVE, null, NO);
        // DASH over the archive's segments: live as live.m3u8?source=archive, a range as playlist.m3u8
        rule("GET", CAMERA + "/live.mpd", LIVE, AuditAction.LIVE_VIEW, NO);
        // audited once per viewing session (LIVE_VIEW or PLAYBACK by the segment's age), not per segment
        rule("GET", CAMERA + "/segments/{sequence}.m4s", LIVE, AuditAction.PLAYBACK, SEGMENT);
        rule("GET", CAMERA + "/init/{name}", LIVE, null, INIT);
        rule("GET", CAMERA + "/timeline", TIMELINE);
        // bit rates per bucket from the index (sizes and durations), no footage: viewers see it, like the timeline
        rule("GET", CAMERA + "/activity", TIMELINE);
        rule("GET", CAMERA + "/playlist.m3u8", HISTORY, AuditAction.PLAYBACK, EXACT_RANGE);
        rule("GET", CAMERA + "/manifest.mpd", HISTORY, AuditAction.PLAYBACK, EXACT_RANGE);
        rule("GET", CAMERA + "/clip.mp4", HISTORY, AuditAction.CLIP_EXPORT, EXACT_RANGE);
        rule("GET", CAMERA + "/clip.manifest", HISTORY, AuditAction.CLIP_EXPORT, EXACT_RANGE);
        rule("GET", CAMERA + "/snapshot.jpg", HISTORY, AuditAction.SNAPSHOT, NO);
        rule("GET", CAMERA + "/verify", HISTORY, AuditAction.VERIFY, NO);

        rule("POST", "/api/holds", HOLDS, AuditAction.HOLD_CREATE, NO);
        rule("GET", "/api/holds", HOLDS);
        rule("GET", "/api/holds/{id}", HOLDS);
        rule("DELETE", "/api/holds/{id}", HOLDS, AuditAction.HOLD_RELEASE, NO);

        rule("POST", "/api/shares", SHARES, AuditAction.SHARE_CREATE, NO);
        rule("GET", "/api/shares", SHARES);
        rule("DELETE", "/api/shares/{id}", SHARES, AuditAction.SHARE_REVOKE, NO);

        rule("GET", "/api/audit", AUDIT);

        rule("POST", "/api/events", EVENTS_WRITE, AuditAction.EVENT_CREATE, NO);
        rule("GET", "/api/events", EVENTS_READ);
        rule("GET", "/api/events/{id}", EVENTS_READ);
        rule("DELETE", "/api/events/{id}", EVENTS_WRITE, AuditAction.EVENT_DELETE, NO);

        rule("POST", "/api/incidents", INCIDENTS, AuditAction.INCIDENT_OPEN, NO);
        rule("GET", "/api/incidents", INCIDENTS);
        rule("GET", "/api/incidents/{id}", INCIDENTS);
        rule("POST", "/api/incidents/{id}/close", INCIDENTS, AuditAction.INCIDENT_CLOSE, NO);
        rule("GET", "/api/incidents/{id}/package.zip", INCIDENTS, AuditAction.INCIDENT_EXPORT, NO);

        rule("POST", "/api/tokens", TOKENS, AuditAction.TOKEN_CREATE, NO);
        rule("GET", "/api/tokens", TOKENS);
        rule("DELETE", "/api/tokens/{id}", TOKENS, AuditAction.TOKEN_REVOKE, NO);

        rule("GET", "/api/retention/preview", RETENTION_READ);
        rule("GET", "/api/retention/runs", RETENTION_READ);
        rule("POST", "/api/retention/runs", RETENTION_RUN, AuditAction.RETENTION_RUN, NO);

        rule("GET", "/api/cluster", Permission.CLUSTER);
        rule("GET", "/api/alerts", Permission.ALERTS_READ);
        rule("GET", "/api/alerts/{id}", Permission.ALERTS_READ);
        rule("GET", "/api/alerts/settings", Permission.ALERTS_READ);
        rule("POST", "/api/alerts/test", Permission.ALERTS_WRITE, AuditAction.ALERT_TEST, NO);
        rule("POST", "/api/alerts/rules", Permission.ALERTS_WRITE, AuditAction.ALERT_RULE_CREATE, NO);
        rule("DELETE", "/api/alerts/rules/{name}", Permission.ALERTS_WRITE, AuditAction.ALERT_RULE_DELETE, NO);
        rule("POST", "/api/alerts/targets", Permission.ALERTS_WRITE, AuditAction.ALERT_TARGET_CREATE, NO);
        rule("DELETE", "/api/alerts/targets/{name}", Permission.ALERTS_WRITE, AuditAction.ALERT_TARGET_DELETE, NO);
        rule("GET", "/api/archive/check", Permission.ARCHIVE_CHECK, AuditAction.ARCHIVE_CHECK, NO);

        rule("GET", "/api/users", USERS);
        rule("POST", "/api/users", USERS, AuditAction.USER_CREATE, NO);
        rule("GET", "/api/users/{username}", USERS);
        rule("PUT", "/api/users/{username}", USERS, AuditAction.USER_UPDATE, NO);
        rule("DELETE", "/api/users/{username}", USERS, AuditAction.USER_DELETE, NO);
    }

    private RouteRules() {}

    private static void rule(String method, String template, Permission permission) {
        rule(method, template, permission, null, NO);
    }

    private static void rule(
            String method, String template, Permission permission, AuditAction audit, RouteRule.ShareUse share) {
        if (RULES.put(method + " " + template, new RouteRule(permission, audit, share)) != null) {
            throw new IllegalStateException("two rules for " + method + " " + template);
        }
    }

    /** The rule of a route; HEAD requests follow the rule of GET. */
    public static Optional<RouteRule> find(String method, String uriTemplate) {
        return Optional.ofNullable(RULES.get(("HEAD".equals(method) ? "GET" : method) + " " + uriTemplate));
    }

    /** Every rule, keyed {@code "METHOD /template"}. */
    public static Map<String, RouteRule> all() {
        return Collections.unmodifiableMap(RULES);
    }
}
