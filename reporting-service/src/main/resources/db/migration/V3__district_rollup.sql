-- The district table without scanning every hazard: per district and calendar day (grain D) and month (grain M,
-- bucket = its first day), the sums the table adds up, kept by a trigger on rp_hazard in the transaction of the row
-- change. A hazard counts in the bucket of the day it was found (found … close_seconds), of the day its
-- rectification was assigned (assigned … funds_yuan) and of the day its reporter was rewarded (rewards_yuan), as it
-- stands now. A period is whole months plus the days at its edges; what depends on today (overdue, reviews overdue)
-- or on the period's end (listed for supervision by then) is read from the hazards through the partial indexes
-- below (DistrictRollup).

-- The calendar of the buckets (reporting.time-zone, an IANA name); RollupCalendar sets it at start and re-sums the
-- buckets when it changes.
CREATE TABLE rp_rollup_setting (
    time_zone TEXT NOT NULL
);
INSERT INTO rp_rollup_setting (time_zone) VALUES ('Asia/Shanghai');

CREATE TABLE rp_hazard_rollup (
    generation          INT        NOT NULL,
    grain               CHAR(1)    NOT NULL CHECK (grain IN ('D', 'M')),
    bucket              DATE       NOT NULL,
    district_code       VARCHAR(6) NOT NULL,
    found               BIGINT     NOT NULL,
    closed              BIGINT     NOT NULL,
    closed_on_time      BIGINT     NOT NULL,
    major_found         BIGINT     NOT NULL,
    major_closed        BIGINT     NOT NULL,
    major_listed        BIGINT     NOT NULL,
    under_supervision   BIGINT     NOT NULL,
    employee_reports    BIGINT     NOT NULL,
    close_seconds       NUMERIC    NOT NULL,
    assigned            BIGINT     NOT NULL,
    assigned_five_items BIGINT     NOT NULL,
    funds_yuan          NUMERIC    NOT NULL,
    rewards_yuan        NUMERIC    NOT NULL,
    PRIMARY KEY (generation, grain, bucket, district_code)
);

-- What one hazard adds to one bucket.
CREATE TYPE rp_rollup_part AS (
    district_code VARCHAR(6), day DATE, found BIGINT, closed BIGINT, closed_on_time BIGINT, major_found BIGINT,
    major_closed BIGINT, major_listed BIGINT, under_supervision BIGINT, employee_reports BIGINT, close_seconds NUMERIC,
    assigned BIGINT, assigned_five_items BIGINT, funds_yuan NUMERIC, rewards_yuan NUMERIC);

-- Null when the hazard counts nowhere (voided) or the part does not apply yet.
CREATE FUNCTION rp_found_part(h rp_hazard, zone TEXT) RETURNS rp_rollup_part LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN NOT h.voided THEN ROW(h.district_code, (h.found_at AT TIME ZONE zone)::date, 1,
        (h.closed_at IS NOT NULL)::int, (h.closed_at IS NOT NULL AND coalesce(h.on_time, FALSE))::int,
        (h.severity = 'MAJOR')::int, (h.severity = 'MAJOR' AND h.closed_at IS NOT NULL)::int,
        (h.severity = 'MAJOR' AND h.supervision_listed_at IS NOT NULL)::int,
        (h.closed_at IS NULL AND h.supervision_level IS NOT NULL)::int, (h.source = 'EMPLOYEE_REPORT')::int,
        coalesce(extract(epoch FROM h.closed_at - h.found_at), 0), 0, 0, 0, 0)::rp_rollup_part END
$$;

CREATE FUNCTION rp_assigned_part(h rp_hazard, zone TEXT) RETURNS rp_rollup_part LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN NOT h.voided AND h.assigned_at IS NOT NULL THEN ROW(h.district_code,
        (h.assigned_at AT TIME ZONE zone)::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, coalesce(h.five_items, FALSE)::int,
        coalesce(h.funds_yuan, 0), 0)::rp_rollup_part END
$$;

CREATE FUNCTION rp_reward_part(h rp_hazard, zone TEXT) RETURNS rp_rollup_part LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN NOT h.voided AND h.rewarded_at IS NOT NULL THEN ROW(h.district_code,
        (h.rewarded_at AT TIME ZONE zone)::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        coalesce(h.reward_yuan, 0))::rp_rollup_part END
$$;

-- a − k·b, keeping a's bucket.
CREATE FUNCTION rp_rollup_minus(a rp_rollup_part, b rp_rollup_part, k INT) RETURNS rp_rollup_part
LANGUAGE sql IMMUTABLE AS $$
    SELECT ROW(a.district_code, a.day, a.found - k * b.found, a.closed - k * b.closed,
        a.closed_on_time - k * b.closed_on_time, a.major_found - k * b.major_found,
        a.major_closed - k * b.major_closed, a.major_listed - k * b.major_listed,
        a.under_supervision - k * b.under_supervision, a.employee_reports - k * b.employee_reports,
        a.close_seconds - k * b.close_seconds, a.assigned - k * b.assigned,
        a.assigned_five_items - k * b.assigned_five_items, a.funds_yuan - k * b.funds_yuan,
        a.rewards_yuan - k * b.rewards_yuan)::rp_rollup_part
$$;

-- Adds a part to its day and to its month.
CREATE FUNCTION rp_rollup_add(g INT, p rp_rollup_part) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO rp_hazard_rollup AS r (generation, grain, bucket, district_code, found, closed, closed_on_time,
        major_found, major_closed, major_listed, under_supervision, employee_reports, close_seconds, assigned,
        assigned_five_items, funds_yuan, rewards_yuan)
    SELECT g, b.grain, b.bucket, p.district_code, p.found, p.closed, p.closed_on_time, p.major_found, p.major_closed,
           p.major_listed, p.under_supervision, p.employee_reports, p.close_seconds, p.assigned, p.assigned_five_items,
           p.funds_yuan, p.rewards_yuan
    FROM (VALUES ('D', p.day), ('M', date_trunc('month', p.day)::date)) b (grain, bucket)
    ON CONFLICT (generation, grain, bucket, district_code) DO UPDATE SET
        found = r.found + excluded.found, closed = r.closed + excluded.closed,
        closed_on_time = r.closed_on_time + excluded.closed_on_time, major_found = r.major_found + excluded.major_found,
        major_closed = r.major_closed + excluded.major_closed, major_listed = r.major_listed + excluded.major_listed,
        under_supervision = r.under_supervision + excluded.under_supervision,
        employee_reports = r.employee_reports + excluded.employee_reports,
        close_seconds = r.close_seconds + excluded.close_seconds, assigned = r.assigned + excluded.assigned,
        assigned_five_items = r.assigned_five_items + excluded.assigned_five_items,
        funds_yuan = r.funds_yuan + excluded.funds_yuan, rewards_yuan = r.rewards_yuan + excluded.rewards_yuan
$$;

-- Replaces what a hazard added (before) with what it adds now (after); nothing when the part did not change, one
-- upsert per grain when it stayed in its bucket.
CREATE FUNCTION rp_rollup_replace(g INT, before rp_rollup_part, after rp_rollup_part) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    IF before IS NOT DISTINCT FROM after THEN
        RETURN;
    END IF;
    IF before.day = after.day AND before.district_code = after.district_code THEN
        PERFORM rp_rollup_add(g, rp_rollup_minus(after, before, 1));
        RETURN;
    END IF;
    IF before.day IS NOT NULL THEN
        PERFORM rp_rollup_add(g, rp_rollup_minus(before, before, 2));
    END IF;
    IF after.day IS NOT NULL THEN
        PERFORM rp_rollup_add(g, after);
    END IF;
END
$$;

CREATE FUNCTION rp_hazard_rollup_keep() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    zone TEXT := (SELECT time_zone FROM rp_rollup_setting);
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM rp_rollup_replace(NEW.generation, NULL, rp_found_part(NEW, zone));
        PERFORM rp_rollup_replace(NEW.generation, NULL, rp_assigned_part(NEW, zone));
        PERFORM rp_rollup_replace(NEW.generation, NULL, rp_reward_part(NEW, zone));
    ELSE
        PERFORM rp_rollup_replace(NEW.generation, rp_found_part(OLD, zone), rp_found_part(NEW, zone));
        PERFORM rp_rollup_replace(NEW.generation, rp_assigned_part(OLD, zone), rp_assigned_part(NEW, zone));
        PERFORM rp_rollup_replace(NEW.generation, rp_reward_part(OLD, zone), rp_reward_part(NEW, zone));
    END IF;
    RETURN NULL;
END
$$;

-- Rows are never deleted one by one (voiding is an update); a retired generation's buckets go with its rows.
CREATE TRIGGER rp_hazard_rollup_keep AFTER INSERT OR UPDATE ON rp_hazard
    FOR EACH ROW EXECUTE FUNCTION rp_hazard_rollup_keep();

-- The buckets of a generation summed again from its hazards: after a change of calendar, or a bulk load with the
-- trigger disabled.
CREATE FUNCTION rp_rollup_recompute(g INT) RETURNS VOID LANGUAGE sql AS $$
    DELETE FROM rp_hazard_rollup WHERE generation = g;
    INSERT INTO rp_hazard_rollup (generation, grain, bucket, district_code, found, closed, closed_on_time,
        major_found, major_closed, major_listed, under_supervision, employee_reports, close_seconds, assigned,
        assigned_five_items, funds_yuan, rewards_yuan)
    SELECT g, b.grain, b.bucket, p.district_code, sum(p.found), sum(p.closed), sum(p.closed_on_time),
           sum(p.major_found), sum(p.major_closed), sum(p.major_listed), sum(p.under_supervision),
           sum(p.employee_reports), sum(p.close_seconds), sum(p.assigned), sum(p.assigned_five_items),
           sum(p.funds_yuan), sum(p.rewards_yuan)
    FROM (SELECT f.* FROM rp_hazard h, rp_rollup_setting z, LATERAL rp_found_part(h, z.time_zone) f
          WHERE h.generation = g
          UNION ALL
          SELECT a.* FROM rp_hazard h, rp_rollup_setting z, LATERAL rp_assigned_part(h, z.time_zone) a
          WHERE h.generation = g
          UNION ALL
          SELECT r.* FROM rp_hazard h, rp_rollup_setting z, LATERAL rp_reward_part(h, z.time_zone) r
          WHERE h.generation = g) p
    CROSS JOIN LATERAL (VALUES ('D', p.day), ('M', date_trunc('month', p.day)::date)) b (grain, bucket)
    WHERE p.day IS NOT NULL
    GROUP BY b.grain, b.bucket, p.district_code;
$$;

SELECT rp_rollup_recompute(generation) FROM rp_generation WHERE NOT dropped;

-- Open hazards by deadline (overdue), MAJOR hazards awaiting review by due date (reviews overdue) and listed MAJOR
-- hazards by listing (listed after a period's end): the few hazards whose figures depend on a date.
CREATE INDEX rp_hazard_open_by_deadline ON rp_hazard (generation, deadline) INCLUDE (district_code, found_at)
    WHERE closed_at IS NULL AND NOT voided;
CREATE INDEX rp_hazard_awaiting_review ON rp_hazard (generation, review_due_by) INCLUDE (district_code, found_at)
    WHERE awaiting_verification AND severity = 'MAJOR' AND NOT voided;
CREATE INDEX rp_hazard_major_listed ON rp_hazard (generation, supervision_listed_at) INCLUDE (district_code, found_at)
    WHERE severity = 'MAJOR' AND supervision_listed_at IS NOT NULL AND NOT voided;
