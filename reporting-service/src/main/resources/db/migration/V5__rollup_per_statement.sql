-- The roll-up (V3) is kept per statement instead of per row: HazardRows writes a batch of hazards in one statement,
-- and that statement's changes are added to the buckets in one upsert, from its transition tables. Per row, a
-- replay paid two bucket upserts for every event that moved a count.
DROP TRIGGER rp_hazard_rollup_keep ON rp_hazard;
DROP TRIGGER rp_hazard_rollup_keep_changes ON rp_hazard;
DROP FUNCTION rp_hazard_rollup_keep();
DROP FUNCTION rp_rollup_replace(INT, rp_rollup_part, rp_rollup_part);
DROP FUNCTION rp_rollup_add(INT, rp_rollup_part, INT);

-- What a hazard adds to the buckets of its generation, k times (k = -1 takes it out).
CREATE TYPE rp_rollup_change AS (
    generation INT, district_code VARCHAR(6), day DATE, found BIGINT, closed BIGINT, closed_on_time BIGINT,
    major_found BIGINT, major_closed BIGINT, major_listed BIGINT, under_supervision BIGINT, employee_reports BIGINT,
    close_seconds NUMERIC, assigned BIGINT, assigned_five_items BIGINT, funds_yuan NUMERIC, rewards_yuan NUMERIC);

-- A hazard counts in the bucket of the day it was found (found … close_seconds), of the day its rectification was
-- assigned (assigned … funds_yuan) and of the day its reporter was rewarded (rewards_yuan), as it stands now; a
-- voided one nowhere. One SQL statement, which the planner inlines where it is called.
CREATE FUNCTION rp_rollup_changes(h rp_hazard, zone TEXT, k INT) RETURNS SETOF rp_rollup_change
LANGUAGE sql STABLE AS $$
    SELECT h.generation, h.district_code, (h.found_at AT TIME ZONE zone)::date, k::bigint,
           k * (h.closed_at IS NOT NULL)::int::bigint,
           k * (h.closed_at IS NOT NULL AND coalesce(h.on_time, FALSE))::int::bigint,
           k * (h.severity = 'MAJOR')::int::bigint, k * (h.severity = 'MAJOR' AND h.closed_at IS NOT NULL)::int::bigint,
           k * (h.severity = 'MAJOR' AND h.supervision_listed_at IS NOT NULL)::int::bigint,
           k * (h.closed_at IS NULL AND h.supervision_level IS NOT NULL)::int::bigint,
           k * (h.source = 'EMPLOYEE_REPORT')::int::bigint,
           k * coalesce(extract(epoch FROM h.closed_at - h.found_at), 0), 0::bigint, 0::bigint, 0::numeric, 0::numeric
    WHERE NOT h.voided
    UNION ALL
    SELECT h.generation, h.district_code, (h.assigned_at AT TIME ZONE zone)::date, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           k::bigint, k * coalesce(h.five_items, FALSE)::int::bigint, k * coalesce(h.funds_yuan, 0), 0
    WHERE NOT h.voided AND h.assigned_at IS NOT NULL
    UNION ALL
    SELECT h.generation, h.district_code, (h.rewarded_at AT TIME ZONE zone)::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           k * coalesce(h.reward_yuan, 0)
    WHERE NOT h.voided AND h.rewarded_at IS NOT NULL
$$;

-- Adds changes to their days and months; what adds up to nothing (a row change no figure reads) writes nothing.
CREATE FUNCTION rp_rollup_merge(changes rp_rollup_change[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rp_hazard_rollup AS r (generation, grain, bucket, district_code, found, closed, closed_on_time,
        major_found, major_closed, major_listed, under_supervision, employee_reports, close_seconds, assigned,
        assigned_five_items, funds_yuan, rewards_yuan)
    SELECT c.generation, b.grain, b.bucket, c.district_code, sum(c.found), sum(c.closed), sum(c.closed_on_time),
           sum(c.major_found), sum(c.major_closed), sum(c.major_listed), sum(c.under_supervision),
           sum(c.employee_reports), sum(c.close_seconds), sum(c.assigned), sum(c.assigned_five_items),
           sum(c.funds_yuan), sum(c.rewards_yuan)
    FROM unnest(changes) c
    CROSS JOIN LATERAL (VALUES ('D', c.day), ('M', date_trunc('month', c.day)::date)) b (grain, bucket)
    GROUP BY c.generation, b.grain, b.bucket, c.district_code
    HAVING sum(c.found) <> 0 OR sum(c.closed) <> 0 OR sum(c.closed_on_time) <> 0 OR sum(c.major_found) <> 0
        OR sum(c.major_closed) <> 0 OR sum(c.major_listed) <> 0 OR sum(c.under_supervision) <> 0
        OR sum(c.employee_reports) <> 0 OR sum(c.close_seconds) <> 0 OR sum(c.assigned) <> 0
        OR sum(c.assigned_five_items) <> 0 OR sum(c.funds_yuan) <> 0 OR sum(c.rewards_yuan) <> 0
    ON CONFLICT (generation, grain, bucket, district_code) DO UPDATE SET
        found = r.found + excluded.found, closed = r.closed + excluded.closed,
        closed_on_time = r.closed_on_time + excluded.closed_on_time, major_found = r.major_found + excluded.major_found,
        major_closed = r.major_closed + excluded.major_closed, major_listed = r.major_listed + excluded.major_listed,
        under_supervision = r.under_supervision + excluded.under_supervision,
        employee_reports = r.employee_reports + excluded.employee_reports,
        close_seconds = r.close_seconds + excluded.close_seconds, assigned = r.assigned + excluded.assigned,
        assigned_five_items = r.assigned_five_items + excluded.assigned_five_items,
        funds_yuan = r.funds_yuan + excluded.funds_yuan, rewards_yuan = r.rewards_yuan + excluded.rewards_yuan;
END
$$;

-- Transition tables allow one event per trigger: one trigger for inserted rows, one for updated rows (an
-- INSERT … ON CONFLICT DO UPDATE fires both, each with its own rows). Rows are never deleted one by one (voiding
-- is an update); a retired generation's buckets go with its rows.
CREATE FUNCTION rp_hazard_rollup_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    zone TEXT := (SELECT time_zone FROM rp_rollup_setting);
BEGIN
    PERFORM rp_rollup_merge(ARRAY(SELECT c FROM new_rows n, LATERAL rp_rollup_changes(n, zone, 1) c));
    RETURN NULL;
END
$$;

CREATE FUNCTION rp_hazard_rollup_updated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    zone TEXT := (SELECT time_zone FROM rp_rollup_setting);
BEGIN
    PERFORM rp_rollup_merge(ARRAY(SELECT c FROM new_rows n, LATERAL rp_rollup_changes(n, zone, 1) c
                                  UNION ALL
                                  SELECT c FROM old_rows o, LATERAL rp_rollup_changes(o, zone, -1) c));
    RETURN NULL;
END
$$;

CREATE TRIGGER rp_hazard_rollup_inserted AFTER INSERT ON rp_hazard REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rp_hazard_rollup_inserted();
CREATE TRIGGER rp_hazard_rollup_updated AFTER UPDATE ON rp_hazard REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rp_hazard_rollup_updated();

-- The buckets of a generation summed again from its hazards: after a change of calendar, or a bulk load with the
-- triggers disabled.
CREATE OR REPLACE FUNCTION rp_rollup_recompute(g INT) RETURNS VOID LANGUAGE sql AS $$
    DELETE FROM rp_hazard_rollup WHERE generation = g;
    INSERT INTO rp_hazard_rollup (generation, grain, bucket, district_code, found, closed, closed_on_time,
        major_found, major_closed, major_listed, under_supervision, employee_reports, close_seconds, assigned,
        assigned_five_items, funds_yuan, rewards_yuan)
    SELECT g, b.grain, b.bucket, c.district_code, sum(c.found), sum(c.closed), sum(c.closed_on_time),
           sum(c.major_found), sum(c.major_closed), sum(c.major_listed), sum(c.under_supervision),
           sum(c.employee_reports), sum(c.close_seconds), sum(c.assigned), sum(c.assigned_five_items),
           sum(c.funds_yuan), sum(c.rewards_yuan)
    FROM rp_hazard h, rp_rollup_setting z, LATERAL rp_rollup_changes(h, z.time_zone, 1) c
    CROSS JOIN LATERAL (VALUES ('D', c.day), ('M', date_trunc('month', c.day)::date)) b (grain, bucket)
    WHERE h.generation = g
    GROUP BY b.grain, b.bucket, c.district_code;
$$;

DROP FUNCTION rp_found_part(rp_hazard, TEXT);
DROP FUNCTION rp_assigned_part(rp_hazard, TEXT);
DROP FUNCTION rp_reward_part(rp_hazard, TEXT);
DROP TYPE rp_rollup_part;
