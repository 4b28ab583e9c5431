//! The monitoring dashboard lists open alerts newest first, paged by id (`workflowAlerts(open:
//! true)`): the partial index of open alerts is keyed by id, as the page reads them, instead of by
//! time, which no query reads.

pub(crate) const UP: &str = r#"
DROP INDEX workflow_alert_open_idx;
CREATE INDEX workflow_alert_open_idx ON workflow_alert (id DESC) WHERE acknowledged_at IS NULL;
"#;

pub(crate) const DOWN: &str = r#"
DROP INDEX workflow_alert_open_idx;
CREATE INDEX workflow_alert_open_idx ON workflow_alert (created_at DESC) WHERE acknowledged_at IS NULL;
"#;
