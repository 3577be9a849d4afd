-- Several nodes may run retention (one per firing, through Quartz's clustered job store): each run records
-- where it ran and, for a scheduled run, which firing it was.
ALTER TABLE retention_run ADD COLUMN node_id VARCHAR(63);
ALTER TABLE retention_run ADD COLUMN scheduled_millis BIGINT;
COMMENT ON COLUMN retention_run.node_id IS 'The node that ran it (NodeIdentity); null for runs recorded before V13';
COMMENT ON COLUMN retention_run.scheduled_millis IS 'For a scheduled run, the fire time Quartz scheduled it for; null for runs started through the API';
