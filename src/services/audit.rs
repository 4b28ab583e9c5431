//! The audit trail: every decision that changes data appends who, what, which entity and why,
//! inside the transaction that makes the change, so the trail and the data never disagree.

use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::auth::Viewer;
use crate::error::AppResult;

/// One audit entry to append.
#[derive(Debug)]
pub struct Entry<'a> {
    /// What was done, e.g. `CYCLE_CREATED`.
    pub action: &'a str,
    /// The kind of record it was done to, e.g. `test_cycle`.
    pub entity_type: &'a str,
    /// The record's id.
    pub entity_id: i64,
    /// What changed, as JSON.
    pub detail: serde_json::Value,
    /// The reason the actor gave, if any.
    pub reason: Option<String>,
}

/// Appends `entry` as done by `actor`.
pub async fn record(db: &impl ConnectionTrait, actor: &Viewer, entry: Entry<'_>) -> AppResult<()> {
    let row = entity::audit_log::ActiveModel {
        actor_id: Set(Some(actor.user_id)),
        action: Set(entry.action.to_owned()),
        entity_type: Set(entry.entity_type.to_owned()),
        entity_id: Set(entry.entity_id.to_string()),
        reason: Set(entry.reason),
        detail: Set(entry.detail),
        ..Default::default()
    };
    entity::audit_log::Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}
