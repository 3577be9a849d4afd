-- Incidents (issue 20): an investigation of some cameras over a range, opened by an auditor or admin with a reason;
-- it holds that footage on each of its cameras until it is closed. Closed incidents are kept.

CREATE TABLE incident (
    id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    title          VARCHAR(200)   NOT NULL,
    start_millis   BIGINT         NOT NULL,
    end_millis     BIGINT         NOT NULL,
    reason         VARCHAR(2000)  NOT NULL,
    opened_by      VARCHAR(64)    NOT NULL,
    opened_millis  BIGINT         NOT NULL,
    closed_by      VARCHAR(64),
    closed_millis  BIGINT,
    close_note     VARCHAR(2000)
);
COMMENT ON TABLE incident IS 'Incidents (/api/incidents): some cameras over a range, held while open; closed ones are kept.';
COMMENT ON COLUMN incident.id IS 'Random UUID of the incident.';
COMMENT ON COLUMN incident.title IS 'What it is about, one line, at most 200 characters.';
COMMENT ON COLUMN incident.start_millis IS 'Start of its range, epoch ms UTC (inclusive).';
COMMENT ON COLUMN incident.end_millis IS 'End of its range, epoch ms UTC (exclusive).';
COMMENT ON COLUMN incident.reason IS 'Why it was opened (a case number, a complaint), at most 2000 characters.';
COMMENT ON COLUMN incident.opened_by IS 'The user who opened it.';
COMMENT ON COLUMN incident.opened_millis IS 'When it was opened, epoch ms UTC.';
COMMENT ON COLUMN incident.closed_by IS 'The user who closed it; NULL while open.';
COMMENT ON COLUMN incident.closed_millis IS 'When it was closed (its holds released), epoch ms UTC; NULL while open.';
COMMENT ON COLUMN incident.close_note IS 'Why it was closed, if said; NULL otherwise.';
CREATE INDEX incident_opened ON incident (opened_millis);

CREATE TABLE incident_camera (
    incident_id   VARCHAR(36)  NOT NULL,
    camera_order  INT          NOT NULL,
    camera_id     VARCHAR(63)  NOT NULL,
    hold_id       VARCHAR(36)  NOT NULL,
    PRIMARY KEY (incident_id, camera_order)
);
COMMENT ON TABLE incident_camera IS 'The cameras of an incident, each with the hold it placed on that camera''s footage.';
COMMENT ON COLUMN incident_camera.incident_id IS 'The incident (incident.id).';
COMMENT ON COLUMN incident_camera.camera_order IS 'Where the camera stands in the incident''s list, from 0, as given.';
COMMENT ON COLUMN incident_camera.camera_id IS 'Camera slug; no foreign key: incidents outlive their camera.';
COMMENT ON COLUMN incident_camera.hold_id IS 'The hold (hold.id) the incident placed on this camera''s footage.';
