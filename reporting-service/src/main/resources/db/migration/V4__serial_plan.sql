-- Named in a statement, keeps it off parallel workers: PostgreSQL plans a statement serially when it calls a
-- PARALLEL UNSAFE function. The district table's roll-up statement ran in 13–16 ms with two workers and 9 ms without
-- at 1 M hazards on two cores: starting the workers costs more than they save at this size. IMMUTABLE, so the planner
-- folds the call to true and no row pays for it.
CREATE FUNCTION rp_serial_plan() RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL UNSAFE AS 'SELECT true';
