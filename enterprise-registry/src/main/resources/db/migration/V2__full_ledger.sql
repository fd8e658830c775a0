-- The full ledger entry (EnterpriseRegistered v2 and later events) and the indexes of the ledger search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE enterprise
    ADD COLUMN park_name              VARCHAR(100),
    ADD COLUMN key_hazardous_process  BOOLEAN,
    ADD COLUMN key_hazardous_chemical BOOLEAN,
    ADD COLUMN major_hazard_sources   INTEGER,
    ADD COLUMN risk_level             VARCHAR(10),
    ADD COLUMN standardisation_grade  VARCHAR(10),
    ADD COLUMN responsible_cadre      VARCHAR(50),
    ADD COLUMN contact_name           VARCHAR(50),
    ADD COLUMN contact_phone          VARCHAR(30),
    ADD COLUMN longitude              DOUBLE PRECISION,
    ADD COLUMN latitude               DOUBLE PRECISION,
    ADD COLUMN blacklisted            BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN updated_at             TIMESTAMPTZ;
UPDATE enterprise SET updated_at = registered_at;
ALTER TABLE enterprise ALTER COLUMN updated_at SET NOT NULL;

-- Name fragments (Chinese substrings of 3 characters or more) through trigrams; the database is UTF-8 with a
-- C.UTF-8 ctype, under which pg_trgm takes CJK characters as word characters. Shorter fragments fall back to
-- the other filters' indexes or a scan (see benchmarks/README.md for the cost).
CREATE INDEX enterprise_name_trgm ON enterprise USING gin (name gin_trgm_ops);
-- The default order of every list: name, then id (stable).
CREATE INDEX enterprise_by_name ON enterprise (name, id);
CREATE INDEX enterprise_by_street ON enterprise (street_code, name, id);
CREATE INDEX enterprise_by_industry ON enterprise (industry_code, name, id);
CREATE INDEX enterprise_by_category ON enterprise (supervision_category, district_code);
CREATE INDEX enterprise_by_risk ON enterprise (risk_level, district_code);
CREATE INDEX enterprise_by_status ON enterprise (status, district_code);
CREATE INDEX enterprise_by_registration ON enterprise (registered_at, id);
-- Rare flags: partial indexes stay small.
CREATE INDEX enterprise_blacklisted ON enterprise (district_code) WHERE blacklisted;
CREATE INDEX enterprise_key_process ON enterprise (district_code) WHERE key_hazardous_process;
CREATE INDEX enterprise_key_chemical ON enterprise (district_code) WHERE key_hazardous_chemical;
CREATE INDEX enterprise_major_hazard ON enterprise (district_code) WHERE major_hazard_sources > 0;
