-- Timelines and range playlists scan segments by camera and start time. Carrying duration and session in the
-- index lets a timeline be read from the index alone; it replaces the narrower (camera_id, start_millis) index.
CREATE INDEX segment_camera_time ON segment (camera_id, start_millis, duration_millis, session_id);
DROP INDEX segment_camera_start;
