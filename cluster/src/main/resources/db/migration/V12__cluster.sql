-- Several recorder nodes on one database: the nodes and their heartbeats, and one lease per camera naming the
-- node that records it. Times are epoch milliseconds of the database's clock (nodes' clocks need not agree).

CREATE TABLE cluster_node (
    node_id          VARCHAR(63)   NOT NULL PRIMARY KEY,
    advertised_url   VARCHAR(255),
    started_millis   BIGINT        NOT NULL,
    heartbeat_millis BIGINT        NOT NULL,
    stopped_millis   BIGINT,
    max_cameras      INT,
    instance_id      VARCHAR(36)   NOT NULL
);
COMMENT ON TABLE cluster_node IS 'Recorder nodes sharing this database, one row per node id';
COMMENT ON COLUMN cluster_node.node_id IS 'The node''s id (vigil.cluster.node-id, else its host name); it also names the node''s local spool';
COMMENT ON COLUMN cluster_node.advertised_url IS 'Where other nodes and operators reach its API (vigil.cluster.advertised-url), or null';
COMMENT ON COLUMN cluster_node.started_millis IS 'When the node''s current process first checked in';
COMMENT ON COLUMN cluster_node.heartbeat_millis IS 'Its latest check-in; a node silent for a lease duration is taken for dead';
COMMENT ON COLUMN cluster_node.stopped_millis IS 'When it stopped cleanly (its cameras handed over), or null while it runs';
COMMENT ON COLUMN cluster_node.max_cameras IS 'The most cameras it will record (vigil.cluster.max-cameras), or null for no cap';
COMMENT ON COLUMN cluster_node.instance_id IS 'Random id of the process now running as this node: a second live process with the same node id is refused';

CREATE TABLE camera_lease (
    camera_id        VARCHAR(63)   NOT NULL PRIMARY KEY,
    node_id          VARCHAR(63),
    acquired_millis  BIGINT        NOT NULL,
    expires_millis   BIGINT        NOT NULL,
    sequence_floor   BIGINT        NOT NULL,
    acquired_floor   BIGINT        NOT NULL,
    status           VARCHAR(4000)
);
COMMENT ON TABLE camera_lease IS 'Which node records each camera: held while renewed, taken over by another node once expired';
COMMENT ON COLUMN camera_lease.camera_id IS 'The camera (kept after the camera is deleted: its sequence_floor still counts if the id comes back)';
COMMENT ON COLUMN camera_lease.node_id IS 'The node holding the lease, or null when released';
COMMENT ON COLUMN camera_lease.acquired_millis IS 'When the holder acquired it';
COMMENT ON COLUMN camera_lease.expires_millis IS 'Until when it is held unless renewed; 0 when released';
COMMENT ON COLUMN camera_lease.sequence_floor IS 'The first segment sequence number a new holder may use: exact after a clean release, with headroom above the holder''s numbering while held';
COMMENT ON COLUMN camera_lease.acquired_floor IS 'The floor when the holder acquired it: its numbering starts there, also after it restarts, and a release never goes below it';
COMMENT ON COLUMN camera_lease.status IS 'The holder''s latest status report of the camera (JSON), shown by every node';
