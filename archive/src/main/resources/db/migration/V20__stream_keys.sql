-- Cameras have streams (main and sub) now, each recorded on its own: the archive's camera_id columns hold stream
-- keys (the camera id for the main stream, so every existing row stays the main stream's; {id}.sub for the sub
-- stream), up to 67 characters.
ALTER TABLE recording_session ALTER COLUMN camera_id SET DATA TYPE VARCHAR(67);
ALTER TABLE init_segment ALTER COLUMN camera_id SET DATA TYPE VARCHAR(67);
ALTER TABLE segment ALTER COLUMN camera_id SET DATA TYPE VARCHAR(67);
ALTER TABLE recording_span ALTER COLUMN camera_id SET DATA TYPE VARCHAR(67);
ALTER TABLE camera_index_lock ALTER COLUMN camera_id SET DATA TYPE VARCHAR(67);
COMMENT ON COLUMN recording_session.camera_id IS 'Stream key: the camera slug for its main stream, {slug}.sub for its sub stream; no foreign key: recordings outlive their camera.';
COMMENT ON COLUMN init_segment.camera_id IS 'Stream key (camera slug, or {slug}.sub) the init segment was recorded from.';
COMMENT ON COLUMN segment.camera_id IS 'Stream key: the camera slug for its main stream, {slug}.sub for its sub stream.';
COMMENT ON COLUMN recording_span.camera_id IS 'Stream key: the camera slug for its main stream, {slug}.sub for its sub stream.';
COMMENT ON COLUMN camera_index_lock.camera_id IS 'The stream key (camera slug, or {slug}.sub) whose index changes take turns on this row';
