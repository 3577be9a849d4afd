-- The segment archive: recording sessions, init segments and media segments.
-- Instants are stored as epoch milliseconds (UTC) for portability between H2 and PostgreSQL.

CREATE TABLE recording_session (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    camera_id       VARCHAR(63)  NOT NULL,
    started_millis  BIGINT       NOT NULL,
    ended_millis    BIGINT,
    video_codec     VARCHAR(32)  NOT NULL,
    audio_codec     VARCHAR(32),
    end_reason      VARCHAR(255)
);
COMMENT ON TABLE recording_session IS 'One connection to a camera, from the first stored segment to the disconnect.';
COMMENT ON COLUMN recording_session.id IS 'Random UUID of the session.';
COMMENT ON COLUMN recording_session.camera_id IS 'Camera slug; no foreign key: recordings outlive their camera.';
COMMENT ON COLUMN recording_session.started_millis IS 'Wall-clock start of the first segment, epoch ms UTC.';
COMMENT ON COLUMN recording_session.ended_millis IS 'When the session ended, epoch ms UTC; NULL while recording or after a crash.';
COMMENT ON COLUMN recording_session.video_codec IS 'FFmpeg name of the video codec, e.g. h264, hevc.';
COMMENT ON COLUMN recording_session.audio_codec IS 'FFmpeg name of the recorded audio codec; NULL if none recorded.';
COMMENT ON COLUMN recording_session.end_reason IS 'Why the session ended, free text without secrets.';
CREATE INDEX recording_session_camera ON recording_session (camera_id, started_millis);

CREATE TABLE init_segment (
    object_key      VARCHAR(255) NOT NULL PRIMARY KEY,
    camera_id       VARCHAR(63)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    codecs          VARCHAR(128) NOT NULL,
    created_millis  BIGINT       NOT NULL
);
COMMENT ON TABLE init_segment IS 'fMP4 initialization segments (ftyp+moov), content-addressed, shared by segments.';
COMMENT ON COLUMN init_segment.object_key IS 'Object key, {camera}/init/{sha256-prefix}.mp4.';
COMMENT ON COLUMN init_segment.camera_id IS 'Camera slug the init segment was recorded from.';
COMMENT ON COLUMN init_segment.size_bytes IS 'Size of the object in bytes.';
COMMENT ON COLUMN init_segment.codecs IS 'RFC 6381 codecs string, e.g. avc1.64001f,mp4a.40.2.';
COMMENT ON COLUMN init_segment.created_millis IS 'When it was first stored, epoch ms UTC.';

CREATE TABLE segment (
    camera_id        VARCHAR(63)  NOT NULL,
    sequence         BIGINT       NOT NULL,
    session_id       VARCHAR(36)  NOT NULL,
    start_millis     BIGINT       NOT NULL,
    duration_millis  INT          NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    object_key       VARCHAR(255) NOT NULL,
    init_key         VARCHAR(255) NOT NULL,
    keyframe_start   BOOLEAN      NOT NULL,
    PRIMARY KEY (camera_id, sequence)
);
COMMENT ON TABLE segment IS 'fMP4 media segments; a row is written only after the object store acknowledged the upload.';
COMMENT ON COLUMN segment.camera_id IS 'Camera slug.';
COMMENT ON COLUMN segment.sequence IS 'Per-camera sequence number, increasing by one per stored segment; the HLS media sequence.';
COMMENT ON COLUMN segment.session_id IS 'Recording session that produced the segment.';
COMMENT ON COLUMN segment.start_millis IS 'Wall-clock start of the first frame, epoch ms UTC.';
COMMENT ON COLUMN segment.duration_millis IS 'Duration from packet timestamps, ms; the segment covers [start, start + duration).';
COMMENT ON COLUMN segment.size_bytes IS 'Size of the object in bytes.';
COMMENT ON COLUMN segment.object_key IS 'Object key, {camera}/{yyyy}/{MM}/{dd}/{HH}/{startEpochMillis}-{sequence}.m4s.';
COMMENT ON COLUMN segment.init_key IS 'Object key of the init segment this segment needs (EXT-X-MAP).';
COMMENT ON COLUMN segment.keyframe_start IS 'TRUE if the segment starts with a keyframe (decodable on its own).';
CREATE INDEX segment_camera_start ON segment (camera_id, start_millis);
