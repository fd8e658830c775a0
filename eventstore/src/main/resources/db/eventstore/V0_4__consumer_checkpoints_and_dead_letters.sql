-- Consumers remember, per aggregate, the last version they applied (superseding the per-event inbox), the Kafka
-- offset they reached, the version gaps they saw, and the events they could not apply (dead letters).
DROP TABLE es_inbox;

CREATE TABLE es_consumer_stream (
    consumer     TEXT        NOT NULL,
    aggregate_id UUID        NOT NULL,
    last_version BIGINT      NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, aggregate_id)
);

CREATE TABLE es_consumer_offset (
    consumer    TEXT        NOT NULL,
    topic       TEXT        NOT NULL,
    partition   INT         NOT NULL,
    next_offset BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, topic, partition)
);

CREATE TABLE es_consumer_gap (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer         TEXT        NOT NULL,
    aggregate_id     UUID        NOT NULL,
    expected_version BIGINT      NOT NULL,
    received_version BIGINT      NOT NULL,
    event_id         UUID        NOT NULL,
    detected_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE es_dead_letter (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer          TEXT        NOT NULL,
    topic             TEXT        NOT NULL,
    partition         INT         NOT NULL,
    record_offset     BIGINT      NOT NULL,
    record_key        TEXT,
    -- Null when the record is not even an envelope; such a letter holds back nothing.
    aggregate_id      UUID,
    aggregate_version BIGINT,
    event_type        TEXT,
    value             TEXT        NOT NULL,
    -- PARKED: could not be applied; WAITING: a later event of an aggregate with a parked one, held back in order.
    status            TEXT        NOT NULL CHECK (status IN ('PARKED', 'WAITING', 'RETRIED', 'DISCARDED')),
    reason            TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    resolved_at       TIMESTAMPTZ
);
CREATE INDEX es_dead_letter_open ON es_dead_letter (consumer, aggregate_id, id) WHERE status IN ('PARKED', 'WAITING');
