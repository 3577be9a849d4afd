-- Event rules made through the API (issue 21), beside those in the settings (vigil.alerts.event-rules.*).

CREATE TABLE alert_event_rule (
    name             VARCHAR(40)    NOT NULL PRIMARY KEY,
    label            VARCHAR(64)    NOT NULL,
    camera_ids       VARCHAR(4100)  NOT NULL,
    cooldown_millis  BIGINT         NOT NULL,
    created_by       VARCHAR(100)   NOT NULL,
    created_millis   BIGINT         NOT NULL
);
COMMENT ON TABLE alert_event_rule IS 'Event rules made through the API: a posted event with the label on a watched camera sends an alert.';
COMMENT ON COLUMN alert_event_rule.name IS 'The rule''s name, [a-z0-9][a-z0-9-]{0,39}; alerts carry it as their rule. Never the name of a rule in the settings.';
COMMENT ON COLUMN alert_event_rule.label IS 'The event label it watches for, matched in any case.';
COMMENT ON COLUMN alert_event_rule.camera_ids IS 'The cameras it watches, comma-separated camera ids (at most 64); empty: every camera.';
COMMENT ON COLUMN alert_event_rule.cooldown_millis IS 'At most one alert per camera under this rule in this time, ms.';
COMMENT ON COLUMN alert_event_rule.created_by IS 'Who made it: a user name.';
COMMENT ON COLUMN alert_event_rule.created_millis IS 'When it was made, epoch ms UTC.';
