-- Read model of inspections, kept in the same transaction as their streams.
CREATE TABLE inspection (
    id             UUID PRIMARY KEY,
    enterprise_id  UUID        NOT NULL,
    district_code  VARCHAR(6)  NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    status         VARCHAR(20) NOT NULL,
    planned_date   DATE        NOT NULL,
    campaign       VARCHAR(100),
    findings       INT         NOT NULL,
    version        BIGINT      NOT NULL
);
CREATE INDEX inspection_by_district ON inspection (district_code, planned_date, id);
CREATE INDEX inspection_by_enterprise ON inspection (enterprise_id);
