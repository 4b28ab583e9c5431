//! `TASK_CANCELLED` joins the event kinds: a run that ends while tasks are still open withdraws
//! them, and the inbox of the person each was addressed to must see it go.

pub(crate) const UP: &str = r#"
ALTER TABLE workflow_event DROP CONSTRAINT workflow_event_kind_check;
ALTER TABLE workflow_event ADD CONSTRAINT workflow_event_kind_check CHECK (kind IN ('WORKFLOW_STARTED',
    'PHASE_STARTED', 'PHASE_COMPLETED', 'PHASE_SKIPPED', 'PHASE_FAILED', 'TASK_OPENED', 'TASK_COMPLETED',
    'TASK_CANCELLED', 'COMPENSATED', 'RETRIED', 'ALERT_RAISED', 'VERSION_MIGRATED', 'WORKFLOW_COMPLETED',
    'WORKFLOW_FAILED', 'WORKFLOW_CANCELLED'));
"#;

// NOT VALID: events already stored stay as they are; the log is never rewritten.
pub(crate) const DOWN: &str = r#"
ALTER TABLE workflow_event DROP CONSTRAINT workflow_event_kind_check;
ALTER TABLE workflow_event ADD CONSTRAINT workflow_event_kind_check CHECK (kind IN ('WORKFLOW_STARTED',
    'PHASE_STARTED', 'PHASE_COMPLETED', 'PHASE_SKIPPED', 'PHASE_FAILED', 'TASK_OPENED', 'TASK_COMPLETED',
    'COMPENSATED', 'RETRIED', 'ALERT_RAISED', 'VERSION_MIGRATED', 'WORKFLOW_COMPLETED', 'WORKFLOW_FAILED',
    'WORKFLOW_CANCELLED')) NOT VALID;
"#;
