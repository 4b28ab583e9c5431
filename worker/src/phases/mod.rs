//! The real work of each phase against the database, called by the activities. Every function is
//! idempotent (natural keys, `ON CONFLICT DO NOTHING`), so a retried activity writes nothing
//! twice. Outputs a reviewer can send back are versioned by review round.
//!
//! A statement about one cycle report names that report on every per-report table it joins
//! (`attribute`, `sample`), not only on the first: the join then reads the report's own rows by
//! index, and its cost stays that of one report however large the tables grow, whatever
//! statistics the planner has.

pub mod alerts;
pub mod compensation;
pub mod email;
pub mod evidence;
pub mod migration;
pub mod observations;
pub mod owners;
pub mod planning;
pub mod report;
pub mod rfi;
pub mod sampling;
pub mod scoping;
pub mod tasks;
pub mod testing;

use sea_orm::{DbErr, FromQueryResult};
use serde::{Deserialize, Serialize};

use crate::provider::{ProviderError, Revision};

/// Where a notification about someone's task takes them (in the app and in its e-mail copy): the
/// web app's inbox, `frontend/src/App.tsx`'s `/inbox`.
pub const INBOX_LINK: &str = "/inbox";

/// Where a notification about a cycle's run takes people: the cycle's page, which every role
/// told about a failure may open (the monitoring dashboard is not open to report owners).
pub fn cycle_link(cycle_id: i64) -> String {
    format!("/cycles/{cycle_id}")
}

/// What every phase's work receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseInput {
    pub cycle_report_id: i64,
    pub report_id: i64,
    /// Review round: 1 on the first pass, +1 each time a reviewer sends the phase back.
    pub round: u32,
    /// The reviewer's feedback when redoing the phase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<Revision>,
}

impl PhaseInput {
    /// The round as stored in `version` columns.
    pub fn version(&self) -> i32 {
        i32::try_from(self.round).unwrap_or(i32::MAX)
    }
}

/// Why a phase's work failed.
#[derive(Debug, thiserror::Error)]
pub enum PhaseError {
    /// The data does not allow the work: retrying will not help.
    #[error("{0}")]
    Business(String),
    /// The attribute provider failed.
    #[error(transparent)]
    Provider(#[from] ProviderError),
    /// The database failed (usually worth retrying).
    #[error("database: {0}")]
    Database(#[from] DbErr),
    /// A failure injected by a test (retryable like a transient fault).
    #[error("{0}")]
    Injected(String),
    /// The mail relay refused or could not be reached.
    #[error("e-mail: {0}")]
    Delivery(String),
}

impl PhaseError {
    /// Whether another attempt could succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Business(_) | Self::Provider(ProviderError::UnknownReport(_)) => false,
            Self::Provider(ProviderError::Unavailable(_))
            | Self::Database(_)
            | Self::Injected(_)
            | Self::Delivery(_) => true,
        }
    }
}

/// Result of a phase's work.
pub type PhaseResult<T> = Result<T, PhaseError>;

/// The attributes of a cycle report's latest attribute set that are in scope: the latest
/// scoping decision says so, or scoping was skipped (no decision: everything is in scope).
pub(crate) const IN_SCOPE_ATTRIBUTES: &str = "
    SELECT a.id, a.name
    FROM attribute a
    LEFT JOIN LATERAL (SELECT in_scope FROM scoping_decision sd WHERE sd.attribute_id = a.id
                       ORDER BY sd.version DESC LIMIT 1) d ON true
    WHERE a.cycle_report_id = $1
      AND a.version = (SELECT max(version) FROM attribute WHERE cycle_report_id = $1)
      AND COALESCE(d.in_scope, true)
    ORDER BY a.id";

/// A row of [`IN_SCOPE_ATTRIBUTES`].
#[derive(Debug, Clone, FromQueryResult)]
pub(crate) struct ScopedAttribute {
    pub id: i64,
    pub name: String,
}

/// A value of a record's JSON map as the text a person would type.
pub(crate) fn value_text(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// A stable 64-bit FNV-1a hash (std's hasher is randomised per process).
pub(crate) fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
