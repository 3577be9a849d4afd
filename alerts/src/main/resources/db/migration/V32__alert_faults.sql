-- Alerts about service faults (issue 21): the object store unreachable, a spool failing or filling, a refused retention
-- run, a silent node. An alert is about cameras (alert_camera) or else about one fault (these columns).

ALTER TABLE alert ADD COLUMN fault_key VARCHAR(150);
ALTER TABLE alert ADD COLUMN fault_summary VARCHAR(300);
ALTER TABLE alert ADD COLUMN fault_since_millis BIGINT;
COMMENT ON COLUMN alert.fault_key IS 'The service fault it is about (e.g. store-unreachable, spool-filling@node-a: a fault only one node sees carries its id); NULL for an alert about cameras.';
COMMENT ON COLUMN alert.fault_summary IS 'The fault''s one line for people; NULL for an alert about cameras.';
COMMENT ON COLUMN alert.fault_since_millis IS 'Since when the fault was seen, epoch ms UTC; NULL for an alert about cameras.';

CREATE TABLE alert_fault (
    fault_key      VARCHAR(150)  NOT NULL PRIMARY KEY,
    summary        VARCHAR(300)  NOT NULL,
    since_millis   BIGINT        NOT NULL,
    alert_id       VARCHAR(36)   NOT NULL,
    fired_millis   BIGINT        NOT NULL
);
COMMENT ON TABLE alert_fault IS 'Open service faults: a fault whose alert has fired and that is still seen; the key makes it one alert per fault, also across nodes.';
COMMENT ON COLUMN alert_fault.fault_key IS 'The fault (alert.fault_key).';
COMMENT ON COLUMN alert_fault.summary IS 'Its one line for people when its alert fired.';
COMMENT ON COLUMN alert_fault.since_millis IS 'Since when it was seen, epoch ms UTC.';
COMMENT ON COLUMN alert_fault.alert_id IS 'The alert that fired for it (alert.id).';
COMMENT ON COLUMN alert_fault.fired_millis IS 'When that alert fired, epoch ms UTC.';
