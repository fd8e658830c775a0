-- Two transactions applying different partitions of the topics at once can add to the same district buckets, and
-- each adds twice per statement (the inserted rows' trigger, then the updated rows'). Their row locks on the buckets
-- crossed now and then: a deadlock, a second's wait for the check that finds it, and the whole batch again. The
-- merges now take turns, each holding its turn until its transaction ends; what comes before them still runs side
-- by side.
ALTER FUNCTION rp_rollup_merge(rp_rollup_change[]) RENAME TO rp_rollup_merge_unserialised;

CREATE FUNCTION rp_rollup_merge(changes rp_rollup_change[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('rp_hazard_rollup', 0));
    PERFORM rp_rollup_merge_unserialised(changes);
END
$$;
