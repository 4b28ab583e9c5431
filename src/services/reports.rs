//! Reports: the regulatory filings that cycles test.

use entity::report;
use sea_orm::{ConnectionTrait, EntityTrait};

use super::page::{self, Page, PageRequest};
use crate::error::AppResult;

/// A page of every report; reports are reference data every signed-in role may browse.
pub async fn list(db: &impl ConnectionTrait, request: PageRequest) -> AppResult<Page<report::Model>> {
    page::fetch(db, report::Entity::find(), report::Column::Id, request).await
}
