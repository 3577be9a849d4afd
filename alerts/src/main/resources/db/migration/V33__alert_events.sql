-- Event alerts (issue 21): an alert sent because an event or bookmark was posted with a label an event rule watches for.
-- Its cameras are in alert_camera, as for any alert about cameras.

ALTER TABLE alert ADD COLUMN event_id VARCHAR(36);
ALTER TABLE alert ADD COLUMN event_label VARCHAR(100);
ALTER TABLE alert ADD COLUMN event_at_millis BIGINT;
ALTER TABLE alert ADD COLUMN event_source VARCHAR(130);
COMMENT ON COLUMN alert.event_id IS 'The posted event it is about (event.id; no foreign key: alerts outlive events); NULL for other alerts.';
COMMENT ON COLUMN alert.event_label IS 'That event''s label when the alert was sent; NULL for other alerts.';
COMMENT ON COLUMN alert.event_at_millis IS 'When that event happened (or began), epoch ms UTC; NULL for other alerts.';
COMMENT ON COLUMN alert.event_source IS 'What reported that event, if it said; NULL otherwise.';
CREATE INDEX alert_rule_created ON alert (rule_name, created_millis);
