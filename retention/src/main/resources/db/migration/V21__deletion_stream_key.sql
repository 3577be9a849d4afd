-- Segments are named by stream key now (the camera slug, or {slug}.sub for a sub stream; see V20).
ALTER TABLE segment_deletion ALTER COLUMN camera_id SET DATA TYPE VARCHAR(67);
COMMENT ON COLUMN segment_deletion.camera_id IS 'Stream key of the segment: the camera slug for its main stream, {slug}.sub for its sub stream.';
