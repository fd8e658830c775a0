-- The live feed (GET /api/stream): every event of the three topics, in the order this service appended them, kept
-- for a bounded recent past (reporting.live.retention / reporting.live.max-rows) so that a client reconnecting with
-- Last-Event-ID gets what it missed, whichever instance it reconnects to.
CREATE TABLE live_event (
    -- The SSE id. Appends are serialised (see LiveFeedProjection), so positions become visible in increasing order
    -- and a reader that saw position p never later finds a smaller one.
    position      BIGSERIAL   PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    type          VARCHAR(60) NOT NULL,
    district_code VARCHAR(6),
    enterprise_id UUID,
    occurred_at   TIMESTAMPTZ NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The envelope exactly as the feed sends it (json keeps the text; jsonb would reorder keys).
    envelope      JSON        NOT NULL
);
CREATE INDEX live_event_by_recorded_at ON live_event (recorded_at);
