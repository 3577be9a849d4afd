-- Events and bookmarks (issue 20): something that happened on some cameras, at an instant or over a range, marked
-- on their timelines; posted by people or, with an API token, by other systems. Deleted events are kept, marked.

CREATE TABLE event (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    start_millis       BIGINT        NOT NULL,
    end_millis         BIGINT,
    label              VARCHAR(64)   NOT NULL,
    note               VARCHAR(2000),
    source             VARCHAR(128),
    hold_start_millis  BIGINT,
    hold_end_millis    BIGINT,
    created_by         VARCHAR(64)   NOT NULL,
    created_millis     BIGINT        NOT NULL,
    deleted_millis     BIGINT,
    deleted_by         VARCHAR(64)
);
COMMENT ON TABLE event IS 'Events and bookmarks on the cameras'' timelines (/api/events); a deleted one is kept with who deleted it and when.';
COMMENT ON COLUMN event.id IS 'Random UUID of the event.';
COMMENT ON COLUMN event.start_millis IS 'When it happened (a point event) or began, epoch ms UTC (inclusive).';
COMMENT ON COLUMN event.end_millis IS 'When it ended, epoch ms UTC (exclusive); NULL for a point event.';
COMMENT ON COLUMN event.label IS 'What it was: 1-64 letters, digits, spaces and a few punctuation marks.';
COMMENT ON COLUMN event.note IS 'Longer words about it, at most 2000 characters; NULL for none.';
COMMENT ON COLUMN event.source IS 'What reported it (a door controller, an alarm panel), as the poster gave it; NULL for none.';
COMMENT ON COLUMN event.hold_start_millis IS 'Start of the footage it holds on each of its cameras, epoch ms UTC; NULL when it holds none.';
COMMENT ON COLUMN event.hold_end_millis IS 'End of the footage it holds, epoch ms UTC (exclusive); NULL when it holds none.';
COMMENT ON COLUMN event.created_by IS 'Who created it: a user name, or token:<name> for an API token.';
COMMENT ON COLUMN event.created_millis IS 'When it was created, epoch ms UTC.';
COMMENT ON COLUMN event.deleted_millis IS 'When it was deleted, epoch ms UTC; NULL while it stands.';
COMMENT ON COLUMN event.deleted_by IS 'Who deleted it: a user name or token:<name>; NULL while it stands.';
CREATE INDEX event_start ON event (start_millis);
CREATE INDEX event_label ON event (label, start_millis);

CREATE TABLE event_camera (
    event_id      VARCHAR(36)  NOT NULL,
    camera_order  INT          NOT NULL,
    camera_id     VARCHAR(63)  NOT NULL,
    hold_id       VARCHAR(36),
    PRIMARY KEY (event_id, camera_order)
);
COMMENT ON TABLE event_camera IS 'The cameras an event concerns, each with the hold it placed on that camera''s footage.';
COMMENT ON COLUMN event_camera.event_id IS 'The event (event.id).';
COMMENT ON COLUMN event_camera.camera_order IS 'Where the camera stands in the event''s list, from 0, as given.';
COMMENT ON COLUMN event_camera.camera_id IS 'Camera slug; no foreign key: events outlive their camera.';
COMMENT ON COLUMN event_camera.hold_id IS 'The hold (hold.id) the event placed on this camera; NULL when it holds none.';
CREATE INDEX event_camera_camera ON event_camera (camera_id, event_id);
