-- The certificate an rtsps:// camera is pinned to (issue 15): the SHA-256 fingerprint of its DER encoding as
-- 32 upper-case hex pairs joined by colons (95 characters); NULL verifies the camera's certificate against the
-- default trust store and its host name instead.
ALTER TABLE camera ADD COLUMN tls_fingerprint VARCHAR(95);
COMMENT ON COLUMN camera.tls_fingerprint IS 'SHA-256 fingerprint of the pinned TLS certificate (AB:CD:...), NULL: default trust store';
