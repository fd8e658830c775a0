-- Read model of the supervision ledger, kept in the same transaction as the enterprise streams.
CREATE TABLE enterprise (
    id                   UUID PRIMARY KEY,
    uscc                 VARCHAR(18)   NOT NULL CONSTRAINT enterprise_uscc_unique UNIQUE,
    name                 VARCHAR(100) NOT NULL,
    district_code        VARCHAR(6)   NOT NULL,
    street_code          VARCHAR(12),
    industry_code        VARCHAR(4),
    supervision_category VARCHAR(40)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    address              VARCHAR(200),
    version              BIGINT       NOT NULL,
    registered_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX enterprise_by_district ON enterprise (district_code, name, id);
