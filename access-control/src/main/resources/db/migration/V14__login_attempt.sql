-- Sign-in attempts, shared by every node of a cluster so a guesser's budget does not grow with the node count.
CREATE TABLE login_attempt (
    attempt_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    key_sha256   VARCHAR(64)  NOT NULL,
    at_millis    BIGINT       NOT NULL
);
CREATE INDEX login_attempt_key ON login_attempt (key_sha256, at_millis);
COMMENT ON TABLE login_attempt IS 'Sign-in attempts counted by the throttle (LoginThrottle), kept for the lock-out window only';
COMMENT ON COLUMN login_attempt.attempt_id IS 'Random UUID of the attempt, to take back one that turned out right';
COMMENT ON COLUMN login_attempt.key_sha256 IS 'SHA-256 of what is throttled: user:NAME or address:IP (never kept in the clear)';
COMMENT ON COLUMN login_attempt.at_millis IS 'When it was made (epoch milliseconds, the node''s clock)';
