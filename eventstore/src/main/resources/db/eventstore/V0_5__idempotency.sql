-- The answers to POSTs sent with an Idempotency-Key (see IdempotencyInterceptor): a retry with the same key gets
-- the first answer back and the command does not run again.
CREATE TABLE es_idempotency (
    idempotency_key TEXT        PRIMARY KEY,
    -- SHA-256 of method, path and arguments: the same key with another request is refused.
    fingerprint     TEXT        NOT NULL,
    -- The answer; NULL while the first request is still running.
    status          INT,
    content_type    TEXT,
    location        TEXT,
    etag            TEXT,
    body            TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    completed_at    TIMESTAMPTZ
);
