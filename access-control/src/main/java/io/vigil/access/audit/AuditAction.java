package io.vigil.access.audit;

/** What an audit event records. */
public enum AuditAction {
    /** A live viewing session (recorded once per session, not per playlist or segment). */
    LIVE_VIEW,
    /** A history playlist. */
    PLAYBACK,
    /** A clip or its signed manifest. */
    CLIP_EXPORT,
    SNAPSHOT,
    /** A recording's integrity check. */
    VERIFY,
    SHARE_CREATE,
    /** A playlist or clip opened through a share link (once per session, like live views). */
    SHARE_USE,
    SHARE_REVOKE,
    HOLD_CREATE,
    HOLD_RELEASE,
    CAMERA_CREATE,
    CAMERA_UPDATE,
    CAMERA_DELETE,
    USER_CREATE,
    USER_UPDATE,
    USER_DELETE,
    RETENTION_RUN,
    /** An event or bookmark posted (by a user or an API token); its row names the holds it placed. */
    EVENT_CREATE,
    /** An event deleted (kept, marked); its row names the holds it released. */
    EVENT_DELETE,
    /** An incident opened: its row names its cameras, range and the holds it placed. */
    INCIDENT_OPEN,
    /** An incident closed: its holds released. */
    INCIDENT_CLOSE,
    /** An incident's package downloaded: its clips, events and audit trail, signed. */
    INCIDENT_EXPORT,
    /** An API token created (its secret is never recorded). */
    TOKEN_CREATE,
    TOKEN_REVOKE,
    /** An alert fired (by the service itself: user {@code system:vigil}); its row names the rule and the cameras. */
    ALERT_FIRE,
    /** A recovery sent: a camera an alert was about records again. */
    ALERT_RECOVER,
    /** An alert's delivery to a target ended: DELIVERED (outcome OK) or FAILED after its last attempt. */
    ALERT_DELIVERY,
    /** A test alert sent through the API to every target. */
    ALERT_TEST,
    /** An event rule made through the API. */
    ALERT_RULE_CREATE,
    /** An event rule made through the API deleted. */
    ALERT_RULE_DELETE,
    /** A webhook target made through the API (its origin in the detail, never its URL). */
    ALERT_TARGET_CREATE,
    /** A webhook target made through the API deleted. */
    ALERT_TARGET_DELETE,
    /** A comparison of index, object store and spool. */
    ARCHIVE_CHECK,
    LOGIN,
    LOGIN_FAILED,
    /** A state-changing request a browser sent from another site's page, refused (403 {@code CROSS_SITE_REQUEST}). */
    CROSS_SITE
}
