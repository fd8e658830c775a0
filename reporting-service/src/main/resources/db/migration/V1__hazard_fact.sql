-- One row per hazard, as the hazard events describe it: every statistic is a query over these facts
-- (see the definitions in the API documentation of StatisticsResource).
CREATE TABLE hazard_fact (
    hazard_id      UUID PRIMARY KEY,
    enterprise_id  UUID        NOT NULL,
    -- The district where the hazard was found; it stays there if the enterprise later moves.
    district_code  VARCHAR(6)  NOT NULL,
    street_code    VARCHAR(12),
    industry_code  VARCHAR(4),
    category       VARCHAR(40) NOT NULL,
    severity       VARCHAR(10) NOT NULL,
    source         VARCHAR(30) NOT NULL,
    found_at       TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ,
    voided         BOOLEAN     NOT NULL DEFAULT FALSE,
    correlation_id TEXT        NOT NULL,
    version        BIGINT      NOT NULL
);
CREATE INDEX hazard_fact_by_district ON hazard_fact (district_code, found_at);
