-- One row per camera that index changes lock (SELECT ... FOR UPDATE) before reading and changing the camera's
-- spans, so the upload of one node, retention on another and a third node's start-up reconciliation take turns.
CREATE TABLE camera_index_lock (
    camera_id  VARCHAR(63) NOT NULL PRIMARY KEY
);
COMMENT ON TABLE camera_index_lock IS 'Per-camera lock row for changes to segment and recording_span rows (SegmentIndex)';
COMMENT ON COLUMN camera_index_lock.camera_id IS 'The camera whose index changes take turns on this row';
