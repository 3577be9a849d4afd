-- Camera passwords are stored encrypted (AES-256-GCM); the ciphertext is longer than the password.
ALTER TABLE camera ALTER COLUMN password SET DATA TYPE VARCHAR(1024);
COMMENT ON COLUMN camera.password IS 'RTSP password encrypted with AES-256-GCM under the service''s secret key (VIGIL_SECRET_KEY or the key file), authenticated with the camera id: "v1:" then base64 of nonce and ciphertext; NULL for none. Never returned by the API nor logged.';
