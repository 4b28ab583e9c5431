//! Event sequence numbers handed out at commit instead of at insert. An event row is inserted
//! with a negative placeholder `seq`; a deferred constraint trigger, which PostgreSQL runs while
//! committing, takes the append lock, gives the row the next number and sends the `NOTIFY`. The
//! lock is thus held only for the commit itself, never across a round trip to the writer, so a
//! busy writer cannot stall every other one; numbers stay gap-free and in commit order. Writers
//! use READ COMMITTED (the default), so the trigger's `max(seq)` sees every earlier commit.

pub(crate) const UP: &str = r#"
ALTER TABLE workflow_event DROP CONSTRAINT workflow_event_seq_check;
ALTER TABLE workflow_event ADD CONSTRAINT workflow_event_seq_check CHECK (seq <> 0);
CREATE SEQUENCE workflow_event_placeholder_seq;
ALTER TABLE workflow_event ALTER COLUMN seq SET DEFAULT -nextval('workflow_event_placeholder_seq');

CREATE FUNCTION workflow_event_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_seq BIGINT;
BEGIN
    -- "SYNEVT" in ASCII: the one lock every event commit takes, released when it ends.
    PERFORM pg_advisory_xact_lock(91643030361684);
    SELECT COALESCE(MAX(seq), 0) + 1 INTO next_seq FROM workflow_event WHERE seq > 0;
    UPDATE workflow_event SET seq = next_seq WHERE seq = NEW.seq;
    PERFORM pg_notify('workflow_events', next_seq::text);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER workflow_event_sequence AFTER INSERT ON workflow_event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workflow_event_sequence();
"#;

pub(crate) const DOWN: &str = r#"
DROP TRIGGER workflow_event_sequence ON workflow_event;
DROP FUNCTION workflow_event_sequence();
ALTER TABLE workflow_event ALTER COLUMN seq DROP DEFAULT;
DROP SEQUENCE workflow_event_placeholder_seq;
ALTER TABLE workflow_event DROP CONSTRAINT workflow_event_seq_check;
ALTER TABLE workflow_event ADD CONSTRAINT workflow_event_seq_check CHECK (seq > 0);
"#;
