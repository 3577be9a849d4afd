-- Which engine records the camera (issue 17): NATIVE (Vigil's own RTSP client and fMP4 writer, the default, with an
-- automatic fall back to FFmpeg for streams it cannot record) or FFMPEG. Existing cameras get the default.
ALTER TABLE camera ADD COLUMN engine VARCHAR(8) DEFAULT 'NATIVE' NOT NULL;
COMMENT ON COLUMN camera.engine IS 'Recording engine set for the camera: NATIVE (default; falls back to FFMPEG for a stream it cannot record) or FFMPEG.';
