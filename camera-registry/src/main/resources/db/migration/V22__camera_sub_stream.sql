-- A camera may have a sub stream (issue 19): another path on the same camera (same origin, credentials and pinned
-- certificate), recorded on its own and kept for its own number of days and within its own quota. NULL sub_url: the
-- camera has only its main stream (url), as every camera had before.
ALTER TABLE camera ADD COLUMN sub_url VARCHAR(2048);
ALTER TABLE camera ADD COLUMN sub_retention_days INT;
ALTER TABLE camera ADD COLUMN sub_max_bytes BIGINT;
COMMENT ON COLUMN camera.sub_url IS 'RTSP URL of the camera''s sub stream without credentials, at the main url''s origin; NULL: no sub stream.';
COMMENT ON COLUMN camera.sub_retention_days IS 'Days the sub stream''s segments are kept; set when sub_url is.';
COMMENT ON COLUMN camera.sub_max_bytes IS 'Storage quota of the sub stream''s segments in bytes; NULL: none.';
