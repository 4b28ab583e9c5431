//! Each person's in-app notifications (DOMAIN.md: "in-app always"): the tasks, requests for
//! information, SLA reminders and escalations, and compensation notices the worker writes for
//! them. A person reads and marks only their own.

use chrono::Utc;
use entity::notification;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::page::{self, Page, PageRequest};
use crate::auth::Viewer;
use crate::error::AppResult;

/// Most notifications one `markNotificationsRead` may name.
pub const MAX_MARKED: usize = 100;

fn own(viewer: &Viewer) -> sea_orm::Select<notification::Entity> {
    notification::Entity::find().filter(notification::Column::UserId.eq(viewer.user_id))
}

/// A page of the viewer's notifications, newest first; only unread ones when `unread_only`.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unread_only: bool,
    request: PageRequest,
) -> AppResult<Page<notification::Model>> {
    let mut select = own(viewer);
    if unread_only {
        select = select.filter(notification::Column::ReadAt.is_null());
    }
    page::fetch(db, select, notification::Column::Id, request).await
}

/// How many of the viewer's notifications are unread.
pub async fn unread_count(db: &impl ConnectionTrait, viewer: &Viewer) -> AppResult<u64> {
    Ok(own(viewer).filter(notification::Column::ReadAt.is_null()).count(db).await?)
}

/// Marks the viewer's notifications `ids` read (all their unread ones when `None`); another
/// person's ids are left alone. Returns how many were unread and are now read.
pub async fn mark_read(db: &impl ConnectionTrait, viewer: &Viewer, ids: Option<Vec<i64>>) -> AppResult<u64> {
    let mut update = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notification::Column::UserId.eq(viewer.user_id))
        .filter(notification::Column::ReadAt.is_null());
    if let Some(ids) = ids {
        update = update.filter(notification::Column::Id.is_in(ids));
    }
    Ok(update.exec(db).await?.rows_affected)
}
