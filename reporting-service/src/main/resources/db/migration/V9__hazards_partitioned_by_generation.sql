-- rp_hazard is partitioned by generation, one table per generation (rp_hazard_g<N>). A rebuild's generation is
-- written with its primary key alone and gets its other indexes when it is switched in (rp_hazard_indexed): while it
-- replays the topics each hazard row is written two to three times, most writes change an indexed column (the
-- deadline, the closing), and each such write added an entry to all seven indexes. A retired generation's hazards
-- now go with their table instead of a DELETE of every row. The secondary indexes are the partitions' own, not the
-- parent's, which is what lets a partition be without them; a query names one generation, so it reads one partition.

-- The roll-up's function on a hazard row (V5) takes the table's row type, which goes with the old table: its
-- definition is kept here and made again on the new table's type below.
CREATE TEMPORARY TABLE rp_rollup_changes_definition AS
SELECT pg_get_functiondef('rp_rollup_changes(rp_hazard, text, int)'::regprocedure) AS definition;
ALTER TABLE rp_hazard RENAME TO rp_hazard_unpartitioned;
CREATE TABLE rp_hazard (LIKE rp_hazard_unpartitioned INCLUDING DEFAULTS, PRIMARY KEY (generation, hazard_id))
    PARTITION BY LIST (generation);

-- A generation's table, with its primary key only.
CREATE FUNCTION rp_hazard_partition(g INT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF rp_hazard FOR VALUES IN (%s)', 'rp_hazard_g' || g, g);
END
$$;

-- A generation's secondary indexes, as the queries of the tables and the roll-up read them (V2, V3).
CREATE FUNCTION rp_hazard_indexed(g INT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    t TEXT := 'rp_hazard_g' || g;
BEGIN
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (generation, district_code, found_at)', t || '_by_district', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (generation, enterprise_id)', t || '_by_enterprise', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (generation, rewarded_at) WHERE rewarded_at IS NOT NULL',
                   t || '_rewarded', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (generation, deadline) INCLUDE (district_code, found_at) '
                   'WHERE closed_at IS NULL AND NOT voided', t || '_open_by_deadline', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (generation, review_due_by) INCLUDE (district_code, found_at) '
                   'WHERE awaiting_verification AND severity = ''MAJOR'' AND NOT voided', t || '_awaiting_review', t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (generation, supervision_listed_at) '
                   'INCLUDE (district_code, found_at) WHERE severity = ''MAJOR'' AND supervision_listed_at IS NOT NULL '
                   'AND NOT voided', t || '_major_listed', t);
END
$$;

-- Takes a generation's hazards away. Dropping a partition locks the parent exclusively for an instant; a query that
-- runs long would hold that up, and every query behind it, so the wait is bounded and the drop tried again later.
CREATE FUNCTION rp_hazard_dropped(g INT) RETURNS VOID LANGUAGE plpgsql SET lock_timeout = '2s' AS $$
BEGIN
    EXECUTE format('DROP TABLE IF EXISTS %I', 'rp_hazard_g' || g);
END
$$;

SELECT rp_hazard_partition(g), rp_hazard_indexed(g)
FROM (SELECT generation FROM rp_generation WHERE NOT dropped UNION SELECT generation FROM rp_hazard_unpartitioned) x (g);
INSERT INTO rp_hazard SELECT * FROM rp_hazard_unpartitioned;

-- The function as it was, on the new table's row type, and the roll-up's triggers (V5, V7) on the new table.
DROP FUNCTION rp_rollup_changes(rp_hazard_unpartitioned, TEXT, INT);
DROP TABLE rp_hazard_unpartitioned;
DO $$ BEGIN EXECUTE (SELECT definition FROM rp_rollup_changes_definition); END $$;
DROP TABLE rp_rollup_changes_definition;

CREATE TRIGGER rp_hazard_rollup_inserted AFTER INSERT ON rp_hazard REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rp_hazard_rollup_inserted();
CREATE TRIGGER rp_hazard_rollup_updated AFTER UPDATE ON rp_hazard REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rp_hazard_rollup_updated();

ANALYZE rp_hazard;
