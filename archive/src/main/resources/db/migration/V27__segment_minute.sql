-- Activity from bytes (issue 20): how many bytes a stream recorded per minute, kept in step with segment rows in the
-- same transaction (SegmentIndex.add, remove and removeAll), so a 7-day activity series of one camera reads 10,080
-- rows instead of 302,400 segment rows. A minute is the UTC minute its segments start in; a minute without a
-- segment has no row. Portable SQL: integer arithmetic and MOD read alike on H2 and PostgreSQL.
CREATE TABLE segment_minute (
    camera_id        VARCHAR(67) NOT NULL,
    minute_millis    BIGINT      NOT NULL,
    size_bytes       BIGINT      NOT NULL,
    duration_millis  BIGINT      NOT NULL,
    segment_count    INT         NOT NULL,
    PRIMARY KEY (camera_id, minute_millis)
);
COMMENT ON TABLE segment_minute IS 'Per stream key and UTC minute: the totals of the segments starting in it; derived from segment, updated in the same transaction.';
COMMENT ON COLUMN segment_minute.camera_id IS 'Stream key: the camera slug for its main stream, {slug}.sub for its sub stream.';
COMMENT ON COLUMN segment_minute.minute_millis IS 'Start of the UTC minute, epoch ms (a multiple of 60000); its segments start in [minute_millis, minute_millis + 60000).';
COMMENT ON COLUMN segment_minute.size_bytes IS 'Sum of the size_bytes of the segments starting in the minute.';
COMMENT ON COLUMN segment_minute.duration_millis IS 'Sum of their duration_millis: the footage those bytes encode, ms.';
COMMENT ON COLUMN segment_minute.segment_count IS 'How many segments start in the minute; the row goes when it falls to 0.';

-- Backfill from the segments already recorded.
INSERT INTO segment_minute (camera_id, minute_millis, size_bytes, duration_millis, segment_count)
SELECT camera_id, start_millis - MOD(start_millis, 60000), CAST(SUM(size_bytes) AS BIGINT),
       CAST(SUM(duration_millis) AS BIGINT), CAST(COUNT(*) AS INT)
FROM segment
GROUP BY camera_id, start_millis - MOD(start_millis, 60000);
