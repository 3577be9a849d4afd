-- API tokens (issue 20): secrets an admin hands to another system so that it may post events for some cameras. Only
-- the secret's SHA-256 is stored. The audit log gains the actions of events and tokens.

CREATE TABLE api_token (
    id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    secret_sha256     VARCHAR(64)    NOT NULL,
    name              VARCHAR(48)    NOT NULL,
    cameras           VARCHAR(16384) NOT NULL,
    scopes            VARCHAR(256)   NOT NULL,
    created_by        VARCHAR(64)    NOT NULL,
    created_millis    BIGINT         NOT NULL,
    last_used_millis  BIGINT,
    revoked_millis    BIGINT,
    revoked_by        VARCHAR(64)
);
COMMENT ON TABLE api_token IS 'API tokens (/api/tokens): each acts as token:<name>, on its cameras only, with its scopes only; revoked ones are kept as a record.';
COMMENT ON COLUMN api_token.id IS 'Random UUID of the token (not its secret).';
COMMENT ON COLUMN api_token.secret_sha256 IS 'Hex SHA-256 of the secret (vgt_ and 32 random bytes, base64url): the secret itself is never stored.';
COMMENT ON COLUMN api_token.name IS 'What the admin called it: 1-48 of a-z, 0-9, dot, underscore, dash; unique, revoked tokens included.';
COMMENT ON COLUMN api_token.cameras IS 'Comma-separated camera ids the token may act on (at least one).';
COMMENT ON COLUMN api_token.scopes IS 'Comma-separated scopes: what the token may do (events:write: post and delete events).';
COMMENT ON COLUMN api_token.created_by IS 'User name of the admin who created it.';
COMMENT ON COLUMN api_token.created_millis IS 'When it was created, epoch ms UTC.';
COMMENT ON COLUMN api_token.last_used_millis IS 'When a request last came with it, epoch ms UTC, to the minute; NULL if never.';
COMMENT ON COLUMN api_token.revoked_millis IS 'When it was revoked, epoch ms UTC; NULL while usable.';
COMMENT ON COLUMN api_token.revoked_by IS 'User name of the admin who revoked it; NULL while usable.';
CREATE UNIQUE INDEX api_token_secret ON api_token (secret_sha256);
CREATE UNIQUE INDEX api_token_name ON api_token (name);

COMMENT ON COLUMN audit_event.action IS 'LIVE_VIEW, PLAYBACK, CLIP_EXPORT, SNAPSHOT, VERIFY, SHARE_CREATE, SHARE_USE, SHARE_REVOKE, HOLD_CREATE, HOLD_RELEASE, CAMERA_CREATE, CAMERA_UPDATE, CAMERA_DELETE, USER_CREATE, USER_UPDATE, USER_DELETE, RETENTION_RUN, ARCHIVE_CHECK, EVENT_CREATE, EVENT_DELETE, TOKEN_CREATE, TOKEN_REVOKE, LOGIN, LOGIN_FAILED or CROSS_SITE (a state-changing request from another site''s page, refused).';
COMMENT ON COLUMN audit_event.username IS 'Who: the signed-in user, share:<id> for a share link, token:<name> for an API token, NULL when nobody signed in.';
