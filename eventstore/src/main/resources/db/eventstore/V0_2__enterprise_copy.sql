-- A service's local copy of the ledger, kept from enterprise-events (see EnterpriseDirectory).
CREATE TABLE enterprise_copy (
    id            UUID PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    district_code VARCHAR(6)   NOT NULL,
    street_code   VARCHAR(12),
    industry_code VARCHAR(4),
    status        VARCHAR(20)  NOT NULL,
    version       BIGINT       NOT NULL
);
