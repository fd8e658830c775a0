-- The read model follows the whole lifecycle: deadlines, rework, supervision, review and closure.
ALTER TABLE hazard
    ADD COLUMN deadline           DATE,
    ADD COLUMN original_deadline  DATE,
    ADD COLUMN overdue_for        DATE,
    ADD COLUMN rework_count       INT           NOT NULL DEFAULT 0,
    ADD COLUMN funds_yuan         NUMERIC(16, 2),
    ADD COLUMN supervision_level  VARCHAR(10),
    ADD COLUMN review_due_by      TIMESTAMPTZ,
    ADD COLUMN closed_at          TIMESTAMPTZ,
    ADD COLUMN reward_yuan        NUMERIC(16, 2);
-- The deadline sweep looks only at hazards under rectification.
CREATE INDEX hazard_rectifying_by_deadline ON hazard (deadline) WHERE status = 'RECTIFYING';
CREATE INDEX hazard_by_status ON hazard (status, district_code);
