-- Snapshots of aggregate state, so a long stream is not replayed from its first event on every command.
-- A cache, unlike es_event: a row may be replaced or deleted at any time and the state is rebuilt from the events.
-- revision is the aggregate's snapshot-format revision; a row of another revision is ignored, never misread.
CREATE TABLE es_snapshot (
    stream_id   UUID        PRIMARY KEY,
    stream_type TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    revision    INT         NOT NULL,
    state       JSONB       NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
