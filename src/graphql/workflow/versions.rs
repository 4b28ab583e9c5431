//! `WorkflowVersionInfo`: a version of the workflow, what it can do, and how many runs use it.

use async_graphql::SimpleObject;
use worker::versions::WorkflowVersion;

/// A released version of the test-cycle workflow.
#[derive(SimpleObject)]
pub struct WorkflowVersionInfo {
    /// Version string, as stored on every execution.
    pub version: String,
    /// Features the version declares.
    pub features: Vec<String>,
    /// Whether new workflows start on this version.
    pub current: bool,
    /// Newer versions a running execution of this one may move to at a phase boundary.
    pub can_migrate_to: Vec<String>,
    /// Executions ever started on this version.
    pub execution_count: i64,
    /// Executions on this version still running.
    pub running_count: i64,
}

impl WorkflowVersionInfo {
    /// The info of `version` with its execution counts.
    pub fn new(version: WorkflowVersion, execution_count: i64, running_count: i64) -> Self {
        let features = version
            .features()
            .iter()
            .map(|f| serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default())
            .collect();
        let can_migrate_to = WorkflowVersion::ALL
            .into_iter()
            .filter(|target| version.can_migrate_to(*target))
            .map(|v| v.as_str().to_owned())
            .collect();
        Self {
            version: version.as_str().to_owned(),
            features,
            current: version == WorkflowVersion::CURRENT,
            can_migrate_to,
            execution_count,
            running_count,
        }
    }
}
