-- Retention: auditors' holds, the two-phase deletion's marks, and a record of every run.

CREATE TABLE hold (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    camera_id        VARCHAR(63)   NOT NULL,
    start_millis     BIGINT        NOT NULL,
    end_millis       BIGINT        NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    created_millis   BIGINT        NOT NULL,
    released_millis  BIGINT
);
COMMENT ON TABLE hold IS 'Legal holds: no segment overlapping an active hold is deleted by age or quota. Released holds are kept as a record.';
COMMENT ON COLUMN hold.id IS 'Random UUID of the hold.';
COMMENT ON COLUMN hold.camera_id IS 'Camera slug whose recordings are held; no foreign key: holds outlive their camera.';
COMMENT ON COLUMN hold.start_millis IS 'Start of the held range, epoch ms UTC (inclusive).';
COMMENT ON COLUMN hold.end_millis IS 'End of the held range, epoch ms UTC (exclusive).';
COMMENT ON COLUMN hold.reason IS 'Why the range is held (case number, request), as given by the auditor.';
COMMENT ON COLUMN hold.created_millis IS 'When the hold was placed, epoch ms UTC.';
COMMENT ON COLUMN hold.released_millis IS 'When the hold was released, epoch ms UTC; NULL while active.';
CREATE INDEX hold_camera ON hold (camera_id, released_millis);

CREATE TABLE segment_deletion (
    camera_id       VARCHAR(63)  NOT NULL,
    sequence        BIGINT       NOT NULL,
    object_key      VARCHAR(255) NOT NULL,
    init_key        VARCHAR(255) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    start_millis    BIGINT       NOT NULL,
    end_millis      BIGINT       NOT NULL,
    reason          VARCHAR(8)   NOT NULL,
    marked_millis   BIGINT       NOT NULL,
    PRIMARY KEY (camera_id, sequence)
);
COMMENT ON TABLE segment_deletion IS 'Phase one of a deletion: segments a retention run decided to delete. The object goes next, then the segment row, then this mark; a run that stops midway is completed by the next.';
COMMENT ON COLUMN segment_deletion.camera_id IS 'Camera slug of the segment.';
COMMENT ON COLUMN segment_deletion.sequence IS 'Sequence of the segment.';
COMMENT ON COLUMN segment_deletion.object_key IS 'Object key of the segment, kept so the object can be deleted after its row is gone.';
COMMENT ON COLUMN segment_deletion.init_key IS 'Init segment the segment needed; deleted too when no segment needs it any more.';
COMMENT ON COLUMN segment_deletion.size_bytes IS 'Size of the object in bytes.';
COMMENT ON COLUMN segment_deletion.start_millis IS 'Start of the segment, epoch ms UTC (to check holds placed after marking).';
COMMENT ON COLUMN segment_deletion.end_millis IS 'End of the segment, epoch ms UTC (exclusive).';
COMMENT ON COLUMN segment_deletion.reason IS 'AGE (older than the camera''s retention) or QUOTA (oldest while over a quota).';
COMMENT ON COLUMN segment_deletion.marked_millis IS 'When the run marked it, epoch ms UTC.';

CREATE TABLE retention_run (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    trigger_name            VARCHAR(16)   NOT NULL,
    started_millis          BIGINT        NOT NULL,
    finished_millis         BIGINT        NOT NULL,
    outcome                 VARCHAR(16)   NOT NULL,
    segments_deleted_age    BIGINT        NOT NULL,
    segments_deleted_quota  BIGINT        NOT NULL,
    bytes_deleted           BIGINT        NOT NULL,
    init_segments_deleted   INT           NOT NULL,
    segments_failed         INT           NOT NULL,
    segments_held           BIGINT        NOT NULL,
    detail                  VARCHAR(4000) NOT NULL
);
COMMENT ON TABLE retention_run IS 'What each retention run did; newest runs are listed at /api/retention/runs.';
COMMENT ON COLUMN retention_run.id IS 'Random UUID of the run.';
COMMENT ON COLUMN retention_run.trigger_name IS 'What started it: SCHEDULE (Quartz) or API.';
COMMENT ON COLUMN retention_run.started_millis IS 'When it started, epoch ms UTC.';
COMMENT ON COLUMN retention_run.finished_millis IS 'When it finished, epoch ms UTC.';
COMMENT ON COLUMN retention_run.outcome IS 'COMPLETED, PARTIAL (some objects could not be deleted; retried next run), REFUSED (safety check) or FAILED.';
COMMENT ON COLUMN retention_run.segments_deleted_age IS 'Segments deleted because they were older than their camera''s retention.';
COMMENT ON COLUMN retention_run.segments_deleted_quota IS 'Segments deleted to bring a camera or the whole archive under its quota.';
COMMENT ON COLUMN retention_run.bytes_deleted IS 'Bytes of the deleted segments.';
COMMENT ON COLUMN retention_run.init_segments_deleted IS 'Init segments deleted because no segment needed them any more.';
COMMENT ON COLUMN retention_run.segments_failed IS 'Marked segments whose object the store refused or could not delete; they stay marked.';
COMMENT ON COLUMN retention_run.segments_held IS 'Segments the policy would have deleted but a hold kept.';
COMMENT ON COLUMN retention_run.detail IS 'Why it was refused or failed, and quotas that holds or recent footage kept from being met.';
CREATE INDEX retention_run_started ON retention_run (started_millis);
