-- When the command of a key committed, written in the command's own transaction. A key whose command committed but
-- whose answer was never stored (the service died in between) must not run the command again: a retry is told the
-- answer was lost instead.
ALTER TABLE es_idempotency ADD COLUMN committed_at TIMESTAMPTZ;
