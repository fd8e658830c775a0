-- The event store, its outbox and the consumers' inbox. Numbered below every service migration (V1+);
-- services run Flyway with out-of-order enabled so a later eventstore migration still applies.

CREATE TABLE es_event (
    position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The writing transaction: readers by position stay below pg_snapshot_xmin so a late commit is never skipped.
    transaction_id  XID8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id        UUID        NOT NULL UNIQUE,
    stream_type     TEXT        NOT NULL,
    stream_id       UUID        NOT NULL,
    version         BIGINT      NOT NULL CHECK (version > 0),
    type            TEXT        NOT NULL,
    schema_version  INT         NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor_subject   TEXT        NOT NULL,
    actor_role      TEXT        NOT NULL,
    correlation_id  TEXT        NOT NULL,
    causation_id    TEXT,
    district_code   TEXT,
    enterprise_id   UUID,
    payload         JSONB       NOT NULL,
    CONSTRAINT es_event_stream_version UNIQUE (stream_id, version)
);
CREATE INDEX es_event_by_transaction ON es_event (transaction_id, position);

-- Events are facts: the database itself refuses to change or remove one.
CREATE FUNCTION es_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'es_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER es_event_no_update_or_delete BEFORE UPDATE OR DELETE ON es_event
    FOR EACH ROW EXECUTE FUNCTION es_event_is_append_only();
CREATE TRIGGER es_event_no_truncate BEFORE TRUNCATE ON es_event
    FOR EACH STATEMENT EXECUTE FUNCTION es_event_is_append_only();

CREATE TABLE es_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_position  BIGINT      NOT NULL REFERENCES es_event (position),
    topic           TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at    TIMESTAMPTZ,
    attempts        INT         NOT NULL DEFAULT 0,
    last_error      TEXT
);
CREATE INDEX es_outbox_pending ON es_outbox (id) WHERE published_at IS NULL;

CREATE TABLE es_inbox (
    consumer          TEXT        NOT NULL,
    aggregate_id      UUID        NOT NULL,
    aggregate_version BIGINT      NOT NULL,
    event_id          UUID        NOT NULL,
    processed_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, aggregate_id, aggregate_version)
);

-- The envelope of the published language (contracts EventEnvelope) as JSON text: the one place that shapes it,
-- read alike by aggregate loading, the outbox relay and the audit trail.
CREATE VIEW es_envelope AS
SELECT position,
       transaction_id,
       stream_id,
       version,
       json_build_object(
           'eventId', event_id,
           'type', type,
           'schemaVersion', schema_version,
           'aggregateId', stream_id,
           'aggregateVersion', version,
           'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'actor', json_build_object('subject', actor_subject, 'role', actor_role),
           'correlationId', correlation_id,
           'causationId', causation_id,
           'districtCode', district_code,
           'enterpriseId', enterprise_id,
           'payload', payload)::text AS envelope
FROM es_event;
