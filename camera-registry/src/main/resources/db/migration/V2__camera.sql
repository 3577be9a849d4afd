-- Registered cameras. Recordings are kept when a camera is deleted (no foreign keys to segment).
CREATE TABLE camera (
    id              VARCHAR(63)   NOT NULL PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    username        VARCHAR(255),
    password        VARCHAR(255),
    transport       VARCHAR(8)    NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    retention_days  INT           NOT NULL,
    source          VARCHAR(8)    NOT NULL,
    created_millis  BIGINT        NOT NULL,
    updated_millis  BIGINT        NOT NULL
);
COMMENT ON TABLE camera IS 'Cameras Vigil records, registered through the API or the cameras file.';
COMMENT ON COLUMN camera.id IS 'Slug [a-z0-9][a-z0-9-]{0,62}, used in object keys and URLs.';
COMMENT ON COLUMN camera.name IS 'Human-readable name shown on the camera wall.';
COMMENT ON COLUMN camera.url IS 'rtsp:// or rtsps:// URL without credentials.';
COMMENT ON COLUMN camera.username IS 'RTSP user name, or NULL.';
COMMENT ON COLUMN camera.password IS 'RTSP password, or NULL; never returned by the API nor logged.';
COMMENT ON COLUMN camera.transport IS 'RTSP lower transport: TCP or UDP.';
COMMENT ON COLUMN camera.enabled IS 'FALSE stops recording; recordings are kept.';
COMMENT ON COLUMN camera.retention_days IS 'Days segments are kept before retention deletes them.';
COMMENT ON COLUMN camera.source IS 'API or FILE: who manages the camera; FILE cameras change only through the cameras file.';
COMMENT ON COLUMN camera.created_millis IS 'When the camera was registered, epoch ms UTC.';
COMMENT ON COLUMN camera.updated_millis IS 'When the camera was last changed, epoch ms UTC.';
