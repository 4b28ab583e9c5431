//! A transaction that appends an event commits durably, whatever its session's setting.
//!
//! The worker's phase work commits without waiting for the write-ahead log to reach the disk
//! (see `worker::runner::WorkerPools`): each attempt's closing write commits durably, and that
//! flush covers every earlier commit. An event is different: its `NOTIFY` tells subscribers its
//! sequence number at once, so a crash must not be able to take the event back and hand its number
//! to another. The sequencing trigger runs while the transaction commits, so setting
//! `synchronous_commit` there, for this transaction only, makes its commit wait for the disk.

pub(crate) const UP: &str = r#"
CREATE OR REPLACE FUNCTION workflow_event_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_seq BIGINT;
BEGIN
    PERFORM set_config('synchronous_commit', 'on', true);
    -- "SYNEVT" in ASCII: the one lock every event commit takes, released when it ends.
    PERFORM pg_advisory_xact_lock(91643030361684);
    SELECT COALESCE(MAX(seq), 0) + 1 INTO next_seq FROM workflow_event WHERE seq > 0;
    UPDATE workflow_event SET seq = next_seq WHERE seq = NEW.seq;
    PERFORM pg_notify('workflow_events', next_seq::text);
    RETURN NULL;
END
$$;
"#;

pub(crate) const DOWN: &str = r#"
CREATE OR REPLACE FUNCTION workflow_event_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
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
"#;
