//! The ordered event log behind live subscriptions. `seq` is the primary key and is handed out
//! under a transaction-level advisory lock by the one writer (worker's event log), so sequence
//! order is commit order and has no gaps.

pub(crate) const UP: &str = r#"
CREATE TABLE workflow_event (
    seq           BIGINT PRIMARY KEY CHECK (seq > 0),
    cycle_id      BIGINT NOT NULL REFERENCES test_cycle (id) ON DELETE CASCADE,
    report_id     BIGINT REFERENCES report (id),
    execution_id  BIGINT REFERENCES workflow_execution (id) ON DELETE CASCADE,
    phase         phase,
    kind          TEXT NOT NULL CHECK (kind IN ('WORKFLOW_STARTED', 'PHASE_STARTED', 'PHASE_COMPLETED', 'PHASE_SKIPPED',
                      'PHASE_FAILED', 'TASK_OPENED', 'TASK_COMPLETED', 'COMPENSATED', 'RETRIED', 'ALERT_RAISED',
                      'VERSION_MIGRATED', 'WORKFLOW_COMPLETED', 'WORKFLOW_FAILED', 'WORKFLOW_CANCELLED')),
    status        TEXT NOT NULL,
    -- idempotency: an activity retried or replayed appends its event once
    event_key     TEXT NOT NULL UNIQUE,
    detail        JSONB NOT NULL DEFAULT '{}',
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX workflow_event_cycle_seq_idx ON workflow_event (cycle_id, seq);
CREATE INDEX workflow_event_execution_seq_idx ON workflow_event (execution_id, seq);
"#;

pub(crate) const DOWN: &str = "DROP TABLE workflow_event;";
