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

-- The parts and the upkeep are PL/pgSQL, not SQL functions: PL/pgSQL keeps its plans for the session, where a SQL
-- function called from a trigger is planned again on every call (several milliseconds per row change).

-- Null when the hazard counts nowhere (voided) or the part does not apply yet.
CREATE FUNCTION rp_found_part(h rp_hazard, zone TEXT) RETURNS rp_rollup_part LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF h.voided THEN
        RETURN NULL;
    END IF;
    RETURN ROW(h.district_code, (h.found_at AT TIME ZONE zone)::date, 1,
        (h.closed_at IS NOT NULL)::int, (h.closed_at IS NOT NULL AND coalesce(h.on_time, FALSE))::int,
        (h.severity = 'MAJOR')::int, (h.severity = 'MAJOR' AND h.closed_at IS NOT NULL)::int,
        (h.severity = 'MAJOR' AND h.supervision_listed_at IS NOT NULL)::int,
        (h.closed_at IS NULL AND h.supervision_level IS NOT NULL)::int, (h.source = 'EMPLOYEE_REPORT')::int,
        coalesce(extract(epoch FROM h.closed_at - h.found_at), 0), 0, 0, 0, 0)::rp_rollup_part;
END
$$;

CREATE FUNCTION rp_assigned_part(h rp_hazard, zone TEXT) RETURNS rp_rollup_part LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF h.voided OR h.assigned_at IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN ROW(h.district_code, (h.assigned_at AT TIME ZONE zone)::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        coalesce(h.five_items, FALSE)::int, coalesce(h.funds_yuan, 0), 0)::rp_rollup_part;
END
$$;

CREATE FUNCTION rp_reward_part(h rp_hazard, zone TEXT) RETURNS rp_rollup_part LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF h.voided OR h.rewarded_at IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN ROW(h.district_code, (h.rewarded_at AT TIME ZONE zone)::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        coalesce(h.reward_yuan, 0))::rp_rollup_part;
END
$$;

-- Adds k times a part to its day and to its month.
CREATE FUNCTION rp_rollup_add(g INT, p rp_rollup_part, k INT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO rp_hazard_rollup AS r (generation, grain, bucket, district_code, found, closed, closed_on_time,
        major_found, major_closed, major_listed, under_supervision, employee_reports, close_seconds, assigned,
        assigned_five_items, funds_yuan, rewards_yuan)
    VALUES (g, 'D', p.day, p.district_code, k * p.found, k * p.closed, k * p.closed_on_time, k * p.major_found,
            k * p.major_closed, k * p.major_listed, k * p.under_supervision, k * p.employee_reports,
            k * p.close_seconds, k * p.assigned, k * p.assigned_five_items, k * p.funds_yuan, k * p.rewards_yuan),
           (g, 'M', date_trunc('month', p.day)::date, p.district_code, k * p.found, k * p.closed,
            k * p.closed_on_time, k * p.major_found, k * p.major_closed, k * p.major_listed, k * p.under_supervision,
            k * p.employee_reports, k * p.close_seconds, k * p.assigned, k * p.assigned_five_items,
            k * p.funds_yuan, k * p.rewards_yuan)
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

-- Replaces what a hazard added (before) with what it adds now (after): nothing when the part did not change, one
-- upsert per grain when it stayed in its bucket.
CREATE FUNCTION rp_rollup_replace(g INT, before rp_rollup_part, after rp_rollup_part) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    IF before IS NOT DISTINCT FROM after THEN
        RETURN;
    END IF;
    IF before.day = after.day AND before.district_code = after.district_code THEN
        PERFORM rp_rollup_add(g, ROW(after.district_code, after.day, after.found - before.found,
            after.closed - before.closed, after.closed_on_time - before.closed_on_time,
            after.major_found - before.major_found, after.major_closed - before.major_closed,
            after.major_listed - before.major_listed, after.under_supervision - before.under_supervision,
            after.employee_reports - before.employee_reports, after.close_seconds - before.close_seconds,
            after.assigned - before.assigned, after.assigned_five_items - before.assigned_five_items,
            after.funds_yuan - before.funds_yuan, after.rewards_yuan - before.rewards_yuan)::rp_rollup_part, 1);
        RETURN;
    END IF;
    IF before.day IS NOT NULL THEN
        PERFORM rp_rollup_add(g, before, -1);
    END IF;
    IF after.day IS NOT NULL THEN
        PERFORM rp_rollup_add(g, after, 1);
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

-- Rows are never deleted one by one (voiding is an update); a retired generation's buckets go with its rows. An
-- update fires only when a column the parts read changed (a deadline, a submission or a review does not).
CREATE TRIGGER rp_hazard_rollup_keep AFTER INSERT ON rp_hazard
    FOR EACH ROW EXECUTE FUNCTION rp_hazard_rollup_keep();
CREATE TRIGGER rp_hazard_rollup_keep_changes AFTER UPDATE ON rp_hazard
    FOR EACH ROW WHEN (OLD.voided IS DISTINCT FROM NEW.voided OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
        OR OLD.on_time IS DISTINCT FROM NEW.on_time OR OLD.severity IS DISTINCT FROM NEW.severity
        OR OLD.supervision_listed_at IS DISTINCT FROM NEW.supervision_listed_at
        OR OLD.supervision_level IS DISTINCT FROM NEW.supervision_level OR OLD.source IS DISTINCT FROM NEW.source
        OR OLD.found_at IS DISTINCT FROM NEW.found_at OR OLD.district_code IS DISTINCT FROM NEW.district_code
        OR OLD.assigned_at IS DISTINCT FROM NEW.assigned_at OR OLD.funds_yuan IS DISTINCT FROM NEW.funds_yuan
        OR OLD.five_items IS DISTINCT FROM NEW.five_items OR OLD.rewarded_at IS DISTINCT FROM NEW.rewarded_at
        OR OLD.reward_yuan IS DISTINCT FROM NEW.reward_yuan)
    EXECUTE FUNCTION rp_hazard_rollup_keep();

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
