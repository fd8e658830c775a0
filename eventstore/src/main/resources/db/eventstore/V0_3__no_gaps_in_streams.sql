-- A stream has no holes: version n + 1 is accepted only after version n (the unique constraint already refuses a
-- version twice). Checked in the database, so no code path can append past a version it never saw. Reported
-- like a lost race on the stream (unique_violation of es_event_stream_version): the writer decided on a wrong version.
CREATE FUNCTION es_event_follows_previous_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version > 1 AND NOT EXISTS (
        SELECT 1 FROM es_event WHERE stream_id = NEW.stream_id AND version = NEW.version - 1) THEN
        RAISE EXCEPTION 'stream % has no version % to follow (violates "es_event_stream_version")', NEW.stream_id, NEW.version - 1
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'es_event_stream_version';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER es_event_no_gaps BEFORE INSERT ON es_event
    FOR EACH ROW EXECUTE FUNCTION es_event_follows_previous_version();
