-- Timelines read recording_span now (V5), so the timeline's covering index (V4) gives way to one covering what
-- a playlist lists per segment: a 24 h playlist (43,200 segments) is read from this index alone, without a
-- lookup of each segment row. Range scans for clips and verification use its (camera_id, start_millis) prefix.
CREATE INDEX segment_listing ON segment (camera_id, start_millis, duration_millis, session_id, sequence, keyframe_start, init_key);
DROP INDEX segment_camera_time;
