-- The whole lifecycle in the read model: checklist, counts, conclusion, and the inspectors for the list filter.
ALTER TABLE inspection
    ADD COLUMN checklist           VARCHAR(40),
    ADD COLUMN major_findings      INT NOT NULL DEFAULT 0,
    ADD COLUMN enforcement_actions INT NOT NULL DEFAULT 0,
    ADD COLUMN summary             VARCHAR(2000),
    ADD COLUMN cancel_reason       VARCHAR(500);

CREATE TABLE inspection_inspector (
    inspection_id UUID        NOT NULL REFERENCES inspection (id),
    inspector     VARCHAR(64) NOT NULL,
    PRIMARY KEY (inspection_id, inspector)
);
CREATE INDEX inspection_inspector_by_inspector ON inspection_inspector (inspector, inspection_id);

-- Inspections planned before this migration: their inspectors are in their InspectionPlanned events.
INSERT INTO inspection_inspector (inspection_id, inspector)
SELECT DISTINCT e.stream_id, i.inspector
FROM es_event e CROSS JOIN LATERAL jsonb_array_elements_text(e.payload -> 'inspectors') AS i(inspector)
WHERE e.type = 'InspectionPlanned' AND EXISTS (SELECT 1 FROM inspection r WHERE r.id = e.stream_id);

CREATE INDEX inspection_by_kind_status ON inspection (kind, status, planned_date, id);
