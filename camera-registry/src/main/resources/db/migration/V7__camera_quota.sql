-- Optional per-camera storage quota, read by retention.
ALTER TABLE camera ADD COLUMN max_bytes BIGINT;
COMMENT ON COLUMN camera.max_bytes IS 'Storage quota of the camera''s segments in bytes (> 0), or NULL for none; over it retention deletes its oldest segments first, never held ones.';
