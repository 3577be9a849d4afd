-- One retention run at a time across the nodes of a cluster, API runs included (RunLock).
CREATE TABLE retention_lock (
    id              INT          NOT NULL PRIMARY KEY,
    node_id         VARCHAR(63),
    expires_millis  BIGINT       NOT NULL
);
INSERT INTO retention_lock (id, node_id, expires_millis) VALUES (1, NULL, 0);
COMMENT ON TABLE retention_lock IS 'The single row a retention run holds while it runs';
COMMENT ON COLUMN retention_lock.id IS 'Always 1';
COMMENT ON COLUMN retention_lock.node_id IS 'The node whose run holds it, or null';
COMMENT ON COLUMN retention_lock.expires_millis IS 'Until when it is held unless renewed (renewed every 30 s while the run goes on)';
