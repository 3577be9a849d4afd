-- Recorded spans, kept in step with segment rows as they are added and removed, so a timeline of a month reads
-- a few span rows instead of a million segment rows. A span is a run of one session's segments (in sequence
-- order) each starting at most 250 ms after the previous one ended (RecordingSpan.JOIN_TOLERANCE_MILLIS);
-- removing a segment always splits its span there.
CREATE TABLE recording_span (
    camera_id       VARCHAR(63) NOT NULL,
    first_sequence  BIGINT      NOT NULL,
    last_sequence   BIGINT      NOT NULL,
    session_id      VARCHAR(36) NOT NULL,
    start_millis    BIGINT      NOT NULL,
    end_millis      BIGINT      NOT NULL,
    PRIMARY KEY (camera_id, first_sequence)
);
COMMENT ON TABLE recording_span IS 'Runs of contiguous segments of one recording session; derived from segment, updated in the same transaction.';
COMMENT ON COLUMN recording_span.camera_id IS 'Camera slug.';
COMMENT ON COLUMN recording_span.first_sequence IS 'Sequence of the span''s first segment.';
COMMENT ON COLUMN recording_span.last_sequence IS 'Sequence of the span''s last segment.';
COMMENT ON COLUMN recording_span.session_id IS 'Recording session of every segment in the span.';
COMMENT ON COLUMN recording_span.start_millis IS 'Start of the first segment, epoch ms UTC (inclusive).';
COMMENT ON COLUMN recording_span.end_millis IS 'End of the last segment, epoch ms UTC (exclusive).';
CREATE INDEX recording_span_camera_last ON recording_span (camera_id, last_sequence);
CREATE INDEX recording_span_camera_end ON recording_span (camera_id, end_millis);

-- Backfill from the segments already recorded: a new span wherever the session changes or the gap exceeds 250 ms.
INSERT INTO recording_span (camera_id, first_sequence, last_sequence, session_id, start_millis, end_millis)
SELECT camera_id, MIN(sequence), MAX(sequence), MIN(session_id), MIN(start_millis), MAX(end_millis)
FROM (
    SELECT camera_id, sequence, session_id, start_millis, end_millis,
           SUM(starts_span) OVER (PARTITION BY camera_id ORDER BY sequence ROWS UNBOUNDED PRECEDING) AS span_number
    FROM (
        SELECT camera_id, sequence, session_id, start_millis, start_millis + duration_millis AS end_millis,
               CASE WHEN LAG(session_id) OVER (PARTITION BY camera_id ORDER BY sequence) = session_id
                     AND start_millis - LAG(start_millis + duration_millis) OVER (PARTITION BY camera_id ORDER BY sequence) <= 250
                    THEN 0 ELSE 1 END AS starts_span
        FROM segment
    ) marked
) numbered
GROUP BY camera_id, span_number;
