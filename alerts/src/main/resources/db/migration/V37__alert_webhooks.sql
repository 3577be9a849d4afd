-- Webhook targets made through the API (issue 21), beside the settings' (vigil.alerts.webhook-url, vigil.alerts.email.*).

CREATE TABLE alert_webhook (
    name             VARCHAR(40)    NOT NULL PRIMARY KEY,
    url_encrypted    VARCHAR(4200)  NOT NULL,
    origin           VARCHAR(300)   NOT NULL,
    created_by       VARCHAR(100)   NOT NULL,
    created_millis   BIGINT         NOT NULL
);
COMMENT ON TABLE alert_webhook IS 'Webhook targets made through the API: each alert gets a delivery to each, signed with the webhook secret.';
COMMENT ON COLUMN alert_webhook.name IS 'The target''s name, [a-z0-9][a-z0-9-]{0,39}, never webhook or email (the settings'' targets); deliveries carry it.';
COMMENT ON COLUMN alert_webhook.url_encrypted IS 'The URL, encrypted with the service''s secret key as camera passwords are (a URL may hold a token in its path or query).';
COMMENT ON COLUMN alert_webhook.origin IS 'The URL''s scheme, host and port only: how the target is shown and logged.';
COMMENT ON COLUMN alert_webhook.created_by IS 'Who made it: a user name.';
COMMENT ON COLUMN alert_webhook.created_millis IS 'When it was made, epoch ms UTC.';
