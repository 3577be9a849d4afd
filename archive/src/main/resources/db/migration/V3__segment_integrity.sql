-- Segment integrity and session bookkeeping for the spool and crash recovery.
ALTER TABLE segment ADD COLUMN sha256 VARCHAR(64);
COMMENT ON COLUMN segment.sha256 IS 'Hex SHA-256 of the object bytes, also stored as object metadata; NULL for rows written before V3.';

ALTER TABLE recording_session ADD COLUMN first_sequence BIGINT;
COMMENT ON COLUMN recording_session.first_sequence IS 'Sequence of the session''s first indexed segment; NULL while none is indexed.';
COMMENT ON COLUMN recording_session.started_millis IS 'When the session connected, epoch ms UTC.';
