-- Alerts (issue 21): what Vigil told people about failing cameras, the conditions it told them about and has not yet
-- seen clear, and each alert's way to each target (webhook deliveries and their attempts).

CREATE TABLE alert (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    rule_name       VARCHAR(40)  NOT NULL,
    camera_count    INT          NOT NULL,
    created_millis  BIGINT       NOT NULL,
    node_id         VARCHAR(64)  NOT NULL
);
COMMENT ON TABLE alert IS 'Alerts sent: a firing (conditions fell due) or a recovery (open conditions cleared), about one camera or, as a digest, several.';
COMMENT ON COLUMN alert.id IS 'Random UUID of the alert; receivers see it in the body and the Vigil-Alert-Id header.';
COMMENT ON COLUMN alert.kind IS 'FIRING or RECOVERY.';
COMMENT ON COLUMN alert.rule_name IS 'The alert rule it is sent under, e.g. camera-down.';
COMMENT ON COLUMN alert.camera_count IS 'How many cameras it is about (alert_camera rows); more than 1 for a digest.';
COMMENT ON COLUMN alert.created_millis IS 'When the check that decided it ran, epoch ms UTC.';
COMMENT ON COLUMN alert.node_id IS 'The node whose check decided it (vigil.node-id).';
CREATE INDEX alert_created ON alert (created_millis);

CREATE TABLE alert_camera (
    alert_id      VARCHAR(36)  NOT NULL,
    camera_order  INT          NOT NULL,
    camera_id     VARCHAR(63)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    since_millis  BIGINT       NOT NULL,
    PRIMARY KEY (alert_id, camera_order)
);
COMMENT ON TABLE alert_camera IS 'The cameras an alert is about, in camera-id order.';
COMMENT ON COLUMN alert_camera.alert_id IS 'The alert (alert.id).';
COMMENT ON COLUMN alert_camera.camera_order IS 'Where the camera stands in the alert, from 0, by camera id.';
COMMENT ON COLUMN alert_camera.camera_id IS 'Camera slug; no foreign key: alerts outlive their camera.';
COMMENT ON COLUMN alert_camera.state IS 'A firing: the failing state (OFFLINE, UNAUTHORIZED...); a recovery: the state now (RECORDING).';
COMMENT ON COLUMN alert_camera.since_millis IS 'Since when the camera was in that state, epoch ms UTC.';

CREATE TABLE alert_condition (
    camera_id     VARCHAR(63)  NOT NULL,
    rule_name     VARCHAR(40)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    since_millis  BIGINT       NOT NULL,
    alert_id      VARCHAR(36)  NOT NULL,
    fired_millis  BIGINT       NOT NULL,
    PRIMARY KEY (camera_id, rule_name)
);
COMMENT ON TABLE alert_condition IS 'Open alert conditions: a camera failing under a rule whose alert has fired and that has not cleared; the key makes it one alert per condition, also across nodes.';
COMMENT ON COLUMN alert_condition.camera_id IS 'The failing camera (slug).';
COMMENT ON COLUMN alert_condition.rule_name IS 'The rule it fails under.';
COMMENT ON COLUMN alert_condition.state IS 'Its state when the alert fired.';
COMMENT ON COLUMN alert_condition.since_millis IS 'Since when it was in that state, epoch ms UTC.';
COMMENT ON COLUMN alert_condition.alert_id IS 'The alert that fired for it (alert.id).';
COMMENT ON COLUMN alert_condition.fired_millis IS 'When that alert fired, epoch ms UTC.';

CREATE TABLE alert_delivery (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    alert_id             VARCHAR(36)   NOT NULL,
    target_name          VARCHAR(40)   NOT NULL,
    target_origin        VARCHAR(300)  NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    attempts             INT           NOT NULL,
    next_attempt_millis  BIGINT,
    last_attempt_millis  BIGINT,
    last_status          INT,
    last_error           VARCHAR(300),
    delivered_millis     BIGINT,
    created_millis       BIGINT        NOT NULL
);
COMMENT ON TABLE alert_delivery IS 'One alert on its way to one target: its state, attempts and last answer (an alert''s delivery list).';
COMMENT ON COLUMN alert_delivery.id IS 'Random UUID of the delivery; receivers see it in the Vigil-Delivery-Id header, the same on every attempt.';
COMMENT ON COLUMN alert_delivery.alert_id IS 'The alert delivered (alert.id).';
COMMENT ON COLUMN alert_delivery.target_name IS 'The target, as configured: webhook.';
COMMENT ON COLUMN alert_delivery.target_origin IS 'The target''s scheme, host and port only (a webhook URL may hold a secret in its path).';
COMMENT ON COLUMN alert_delivery.state IS 'PENDING (attempts to come), DELIVERED (a 2xx answer) or FAILED (attempts exhausted).';
COMMENT ON COLUMN alert_delivery.attempts IS 'Attempts made so far.';
COMMENT ON COLUMN alert_delivery.next_attempt_millis IS 'When the next attempt is due (or, while one is under way, when a node may take it over), epoch ms UTC; NULL once DELIVERED or FAILED.';
COMMENT ON COLUMN alert_delivery.last_attempt_millis IS 'When the last attempt began, epoch ms UTC; NULL before the first.';
COMMENT ON COLUMN alert_delivery.last_status IS 'The HTTP status of the last answer; NULL when there was none (refused, timed out).';
COMMENT ON COLUMN alert_delivery.last_error IS 'Why the last attempt failed, without the URL or the secret; NULL after a success.';
COMMENT ON COLUMN alert_delivery.delivered_millis IS 'When a 2xx answer came, epoch ms UTC; NULL until then.';
COMMENT ON COLUMN alert_delivery.created_millis IS 'When the delivery was made, with its alert, epoch ms UTC.';
CREATE INDEX alert_delivery_due ON alert_delivery (state, next_attempt_millis);
CREATE INDEX alert_delivery_alert ON alert_delivery (alert_id);
