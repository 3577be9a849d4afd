-- Alerts by e-mail (issue 21): a delivery's target may be the e-mail target; its columns say what they hold for it.
COMMENT ON TABLE alert_delivery IS 'One alert on its way to one target (webhook or e-mail): its state, attempts and last answer (an alert''s delivery list).';
COMMENT ON COLUMN alert_delivery.id IS 'Random UUID of the delivery, the same on every attempt: a webhook receiver sees it in the Vigil-Delivery-Id header, an e-mail in Vigil-Delivery-Id and its Message-ID <id@sender-domain>.';
COMMENT ON COLUMN alert_delivery.target_name IS 'The target, as configured: webhook or email.';
COMMENT ON COLUMN alert_delivery.target_origin IS 'How the target is shown, no secret: a webhook''s scheme, host and port (its URL may hold a secret in its path); smtp://host:port for e-mail (no user, no password).';
COMMENT ON COLUMN alert_delivery.state IS 'PENDING (attempts to come), DELIVERED (a 2xx answer; for e-mail the SMTP server took the message) or FAILED (attempts exhausted, or its target no longer configured).';
COMMENT ON COLUMN alert_delivery.last_status IS 'The last answer''s HTTP status (webhook) or SMTP reply code (e-mail: 250 taken, 535 login refused); NULL when there was none (refused, timed out, TLS failed).';
COMMENT ON COLUMN alert_delivery.last_error IS 'Why the last attempt failed, in a few words (connect, TLS, login, the answer), without the URL, a secret or a password; NULL after a success.';
COMMENT ON COLUMN alert_delivery.delivered_millis IS 'When the target took it (a 2xx answer, an SMTP server''s 250 to the message), epoch ms UTC; NULL until then.';
