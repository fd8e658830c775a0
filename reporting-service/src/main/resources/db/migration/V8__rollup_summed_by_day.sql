-- Summing a generation's buckets from its hazards (at a rebuild's switch, rp_rollup_start) took 3.5 s for 200,000
-- hazards: the time zone was read from rp_rollup_setting once per hazard, every part went into both grains before
-- any grouping, and the plan's estimates (a thousand settings rows) brought in the JIT compiler for half a second.
-- Now the zone is read once, the hazards' parts are summed per day, and the months are summed from the days.
CREATE OR REPLACE FUNCTION rp_rollup_recompute(g INT) RETURNS VOID LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    zone TEXT := (SELECT time_zone FROM rp_rollup_setting);
BEGIN
    DELETE FROM rp_hazard_rollup WHERE generation = g;
    WITH days AS (
        SELECT c.district_code, c.day, sum(c.found) AS found, sum(c.closed) AS closed,
               sum(c.closed_on_time) AS closed_on_time, sum(c.major_found) AS major_found,
               sum(c.major_closed) AS major_closed, sum(c.major_listed) AS major_listed,
               sum(c.under_supervision) AS under_supervision, sum(c.employee_reports) AS employee_reports,
               sum(c.close_seconds) AS close_seconds, sum(c.assigned) AS assigned,
               sum(c.assigned_five_items) AS assigned_five_items, sum(c.funds_yuan) AS funds_yuan,
               sum(c.rewards_yuan) AS rewards_yuan
        FROM rp_hazard h, LATERAL rp_rollup_changes(h, zone, 1) c
        WHERE h.generation = g AND c.day IS NOT NULL
        GROUP BY c.district_code, c.day)
    INSERT INTO rp_hazard_rollup (generation, grain, bucket, district_code, found, closed, closed_on_time,
        major_found, major_closed, major_listed, under_supervision, employee_reports, close_seconds, assigned,
        assigned_five_items, funds_yuan, rewards_yuan)
    SELECT g, 'D', d.day, d.district_code, d.found, d.closed, d.closed_on_time, d.major_found, d.major_closed,
           d.major_listed, d.under_supervision, d.employee_reports, d.close_seconds, d.assigned,
           d.assigned_five_items, d.funds_yuan, d.rewards_yuan
    FROM days d
    UNION ALL
    SELECT g, 'M', date_trunc('month', d.day)::date, d.district_code, sum(d.found), sum(d.closed),
           sum(d.closed_on_time), sum(d.major_found), sum(d.major_closed), sum(d.major_listed),
           sum(d.under_supervision), sum(d.employee_reports), sum(d.close_seconds), sum(d.assigned),
           sum(d.assigned_five_items), sum(d.funds_yuan), sum(d.rewards_yuan)
    FROM days d
    GROUP BY date_trunc('month', d.day)::date, d.district_code;
END
$$;
