-- A hazard's row keeps the version of the last event applied to it, written in the same statement as the row: the
-- projection's checkpoint of that hazard, which es_consumer_stream held until now (OwnVersions). A replay then writes
-- one row per hazard and batch where it wrote two, and reads one table for a hazard's version and state.
ALTER TABLE rp_hazard ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- Only the versions change, which the roll-up does not count: its trigger would gather every row for nothing.
ALTER TABLE rp_hazard DISABLE TRIGGER rp_hazard_rollup_updated;
UPDATE rp_hazard h SET version = s.last_version
FROM es_consumer_stream s
WHERE s.consumer = 'reporting-service.projection.g' || h.generation AND s.aggregate_id = h.hazard_id;
ALTER TABLE rp_hazard ENABLE TRIGGER rp_hazard_rollup_updated;

-- Those checkpoints are the rows' now; what stays of a generation's are its enterprises' and inspections'.
DELETE FROM es_consumer_stream s USING rp_hazard h
WHERE s.consumer = 'reporting-service.projection.g' || h.generation AND s.aggregate_id = h.hazard_id;

ANALYZE rp_hazard;
