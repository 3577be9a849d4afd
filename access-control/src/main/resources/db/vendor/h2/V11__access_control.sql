-- Access control: users and their roles, refresh tokens, share links, and the append-only audit log.

CREATE TABLE app_user (
    username         VARCHAR(64)   NOT NULL PRIMARY KEY,
    password_hash    VARCHAR(100)  NOT NULL,
    role             VARCHAR(16)   NOT NULL,
    cameras          VARCHAR(4000),
    managed_by       VARCHAR(8)    NOT NULL,
    created_millis   BIGINT        NOT NULL,
    updated_millis   BIGINT        NOT NULL
);
COMMENT ON TABLE app_user IS 'People and API clients who may sign in. Passwords are never stored, only their bcrypt hashes.';
COMMENT ON COLUMN app_user.username IS 'Sign-in name: 1-64 of a-z, 0-9, dot, dash, underscore, at.';
COMMENT ON COLUMN app_user.password_hash IS 'bcrypt hash of the password ($2b$, cost from vigil.security.bcrypt-cost).';
COMMENT ON COLUMN app_user.role IS 'viewer, auditor, installer or admin: the permissions the user has.';
COMMENT ON COLUMN app_user.cameras IS 'Comma-separated camera ids the user may see; NULL means every camera.';
COMMENT ON COLUMN app_user.managed_by IS 'api (changed through /api/users), config (vigil.security.users, reapplied at start) or env (the bootstrap admin from VIGIL_ADMIN_PASSWORD).';
COMMENT ON COLUMN app_user.created_millis IS 'When the user was created, epoch ms UTC.';
COMMENT ON COLUMN app_user.updated_millis IS 'When the user was last changed, epoch ms UTC.';

CREATE TABLE refresh_token (
    token_sha256     VARCHAR(64)   NOT NULL PRIMARY KEY,
    username         VARCHAR(64)   NOT NULL,
    created_millis   BIGINT        NOT NULL,
    expires_millis   BIGINT        NOT NULL,
    used_millis      BIGINT
);
COMMENT ON TABLE refresh_token IS 'Refresh tokens handed out by POST /login; each works once (it is replaced by a new one when used).';
COMMENT ON COLUMN refresh_token.token_sha256 IS 'Hex SHA-256 of the token: the token itself is never stored.';
COMMENT ON COLUMN refresh_token.username IS 'The user it signs in again; deleting the user ends its tokens.';
COMMENT ON COLUMN refresh_token.created_millis IS 'When it was issued, epoch ms UTC.';
COMMENT ON COLUMN refresh_token.expires_millis IS 'When it stops working, epoch ms UTC.';
COMMENT ON COLUMN refresh_token.used_millis IS 'When it was used or revoked (sign-out), epoch ms UTC; NULL while usable.';
CREATE INDEX refresh_token_user ON refresh_token (username);

CREATE TABLE share_link (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    camera_id        VARCHAR(63)   NOT NULL,
    start_millis     BIGINT        NOT NULL,
    end_millis       BIGINT        NOT NULL,
    expires_millis   BIGINT        NOT NULL,
    created_by       VARCHAR(64)   NOT NULL,
    created_millis   BIGINT        NOT NULL,
    revoked_millis   BIGINT,
    revoked_by       VARCHAR(64)
);
COMMENT ON TABLE share_link IS 'Share links: signed URLs that open one camera''s footage of one range, for anyone holding them, until expiry or revocation.';
COMMENT ON COLUMN share_link.id IS 'Random UUID, also inside the signed token.';
COMMENT ON COLUMN share_link.camera_id IS 'The one camera the link opens.';
COMMENT ON COLUMN share_link.start_millis IS 'Start of the shared range, epoch ms UTC (inclusive).';
COMMENT ON COLUMN share_link.end_millis IS 'End of the shared range, epoch ms UTC (exclusive).';
COMMENT ON COLUMN share_link.expires_millis IS 'When the link stops working, epoch ms UTC.';
COMMENT ON COLUMN share_link.created_by IS 'Username of the auditor who created it.';
COMMENT ON COLUMN share_link.created_millis IS 'When it was created, epoch ms UTC.';
COMMENT ON COLUMN share_link.revoked_millis IS 'When it was revoked, epoch ms UTC; NULL while not revoked.';
COMMENT ON COLUMN share_link.revoked_by IS 'Username who revoked it.';

CREATE TABLE audit_event (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at_millis        BIGINT        NOT NULL,
    username         VARCHAR(64),
    role             VARCHAR(16),
    action           VARCHAR(16)   NOT NULL,
    camera_id        VARCHAR(63),
    range_start_millis BIGINT,
    range_end_millis BIGINT,
    client_address   VARCHAR(64),
    outcome          VARCHAR(8)    NOT NULL,
    http_status      INT           NOT NULL,
    detail           VARCHAR(500)
);
COMMENT ON TABLE audit_event IS 'Append-only audit log of every access to footage and every change. Only the audit retention (vigil.security.audit-retention-days) deletes rows, oldest first.';
COMMENT ON COLUMN audit_event.id IS 'Increasing number: the order events were recorded in.';
COMMENT ON COLUMN audit_event.at_millis IS 'When the request was answered, epoch ms UTC.';
COMMENT ON COLUMN audit_event.username IS 'Who: the signed-in user, share:<id> for a share link, NULL when nobody signed in.';
COMMENT ON COLUMN audit_event.role IS 'The user''s role at the time; NULL for share links and anonymous requests.';
COMMENT ON COLUMN audit_event.action IS 'LIVE_VIEW, PLAYBACK, CLIP_EXPORT, SNAPSHOT, SHARE_CREATE, SHARE_USE, SHARE_REVOKE, HOLD_CREATE, HOLD_RELEASE, CAMERA_CREATE, CAMERA_UPDATE, CAMERA_DELETE, USER_CREATE, USER_UPDATE, USER_DELETE, LOGIN or LOGIN_FAILED.';
COMMENT ON COLUMN audit_event.camera_id IS 'The camera concerned, if any.';
COMMENT ON COLUMN audit_event.range_start_millis IS 'Start of the footage range concerned, epoch ms UTC; NULL for live or none.';
COMMENT ON COLUMN audit_event.range_end_millis IS 'End of the footage range concerned, epoch ms UTC (exclusive); NULL when open or none.';
COMMENT ON COLUMN audit_event.client_address IS 'Address of the client (first X-Forwarded-For hop only when configured to trust it).';
COMMENT ON COLUMN audit_event.outcome IS 'OK (2xx/3xx), DENIED (401/403/429) or FAILED (any other error).';
COMMENT ON COLUMN audit_event.http_status IS 'HTTP status of the answer.';
COMMENT ON COLUMN audit_event.detail IS 'What else identifies the event: hold id, share id, user changed, request path.';
CREATE INDEX audit_event_time ON audit_event (at_millis);
CREATE INDEX audit_event_camera ON audit_event (camera_id, at_millis);
