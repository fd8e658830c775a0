-- Read model of hazards for lists and look-ups; the streams in es_event remain the truth.
CREATE TABLE hazard (
    id             UUID PRIMARY KEY,
    enterprise_id  UUID         NOT NULL,
    district_code  VARCHAR(6)   NOT NULL,
    street_code    VARCHAR(12),
    industry_code  VARCHAR(4),
    source         VARCHAR(30)  NOT NULL,
    category       VARCHAR(40)  NOT NULL,
    severity       VARCHAR(10)  NOT NULL,
    status         VARCHAR(30)  NOT NULL,
    title          VARCHAR(200) NOT NULL,
    description    TEXT         NOT NULL,
    location       VARCHAR(200),
    inspection_id  UUID,
    finding_id     UUID         CONSTRAINT hazard_finding_unique UNIQUE,
    found_at       TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL
);
CREATE INDEX hazard_by_district ON hazard (district_code, found_at DESC, id);
CREATE INDEX hazard_by_enterprise ON hazard (enterprise_id);
