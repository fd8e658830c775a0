-- Every read table carries the generation that wrote it. Queries read the ACTIVE generation; a rebuild fills a
-- BUILDING one from the beginning of the topics and is switched in atomically when it has caught up (blue/green).
DROP TABLE hazard_fact;

CREATE TABLE rp_generation (
    generation    INT PRIMARY KEY,
    status        TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'BUILDING', 'RETIRED')),
    -- End offsets of the topics when the generation started (JSON {"topic/partition": offset}): a rebuild has
    -- caught up when it has read that far.
    target        TEXT,
    -- Kafka consumer group that feeds it: unique per database, so a fresh database never inherits old offsets.
    group_id      TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    activated_at  TIMESTAMPTZ,
    retired_at    TIMESTAMPTZ,
    -- A retired generation's rows are deleted after the switch; its row stays as history.
    dropped       BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX rp_generation_one_active ON rp_generation (status) WHERE status IN ('ACTIVE', 'BUILDING');
INSERT INTO rp_generation (generation, status, group_id, activated_at)
VALUES (1, 'ACTIVE', 'reporting-service.projection.g1.' || gen_random_uuid(), clock_timestamp());

-- One row per hazard. A hazard stays in the district, street and industry it was found in, even if its
-- enterprise later moves.
CREATE TABLE rp_hazard (
    generation           INT          NOT NULL,
    hazard_id            UUID         NOT NULL,
    enterprise_id        UUID         NOT NULL,
    district_code        VARCHAR(6)   NOT NULL,
    street_code          VARCHAR(12),
    industry_code        VARCHAR(4),
    category             VARCHAR(40)  NOT NULL,
    severity             VARCHAR(10)  NOT NULL,
    source               VARCHAR(30)  NOT NULL,
    title                TEXT,
    found_at             TIMESTAMPTZ  NOT NULL,
    assigned_at          TIMESTAMPTZ,
    funds_yuan           NUMERIC(16, 2),
    five_items           BOOLEAN,
    original_deadline    DATE,
    deadline             DATE,
    submitted_at         TIMESTAMPTZ,
    review_due_by        TIMESTAMPTZ,
    awaiting_verification BOOLEAN     NOT NULL DEFAULT FALSE,
    closed_at            TIMESTAMPTZ,
    on_time              BOOLEAN,
    voided               BOOLEAN      NOT NULL DEFAULT FALSE,
    supervision_level    VARCHAR(10),
    supervision_listed_at TIMESTAMPTZ,
    rewarded_at          TIMESTAMPTZ,
    reward_yuan          NUMERIC(16, 2),
    PRIMARY KEY (generation, hazard_id)
);
CREATE INDEX rp_hazard_by_district ON rp_hazard (generation, district_code, found_at);
CREATE INDEX rp_hazard_by_enterprise ON rp_hazard (generation, enterprise_id);
CREATE INDEX rp_hazard_rewarded ON rp_hazard (generation, rewarded_at) WHERE rewarded_at IS NOT NULL;

-- The enterprise as it is now: a relocation moves it (coverage, safety profile), not its past hazards.
CREATE TABLE rp_enterprise (
    generation     INT          NOT NULL,
    enterprise_id  UUID         NOT NULL,
    name           TEXT         NOT NULL,
    district_code  VARCHAR(6)   NOT NULL,
    street_code    VARCHAR(12),
    industry_code  VARCHAR(4),
    status         VARCHAR(20)  NOT NULL,
    blacklisted    BOOLEAN      NOT NULL DEFAULT FALSE,
    registered_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (generation, enterprise_id)
);
CREATE INDEX rp_enterprise_by_district ON rp_enterprise (generation, district_code);

-- An inspection takes place where and when it started; cancelled ones count nowhere.
CREATE TABLE rp_inspection (
    generation     INT          NOT NULL,
    inspection_id  UUID         NOT NULL,
    enterprise_id  UUID         NOT NULL,
    district_code  VARCHAR(6)   NOT NULL,
    started_at     TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ,
    cancelled      BOOLEAN      NOT NULL DEFAULT FALSE,
    findings       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, inspection_id)
);
CREATE INDEX rp_inspection_by_district ON rp_inspection (generation, district_code, started_at);

CREATE TABLE rp_enforcement (
    generation     INT            NOT NULL,
    action_id      UUID           NOT NULL,
    inspection_id  UUID           NOT NULL,
    enterprise_id  UUID           NOT NULL,
    district_code  VARCHAR(6)     NOT NULL,
    kind           VARCHAR(30)    NOT NULL,
    amount_yuan    NUMERIC(16, 2),
    taken_at       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (generation, action_id)
);
CREATE INDEX rp_enforcement_by_district ON rp_enforcement (generation, district_code, taken_at);
CREATE INDEX rp_enforcement_by_enterprise ON rp_enforcement (generation, enterprise_id, taken_at);

-- Quarterly filings (event-sourced, stream type quarterly-filing), kept in the transaction of their events.
CREATE TABLE rp_filing (
    year           INT          NOT NULL,
    quarter        INT          NOT NULL,
    district_code  VARCHAR(6)   NOT NULL,
    produced_at    TIMESTAMPTZ,
    signed_off_at  TIMESTAMPTZ,
    signed_off_by  TEXT,
    PRIMARY KEY (year, quarter, district_code)
);
