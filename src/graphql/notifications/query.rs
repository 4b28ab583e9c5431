//! `notifications` and `unreadNotificationCount`: the viewer's own.

use async_graphql::{Context, Object, Result};

use super::types::Notification;
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::ContextExt;
use crate::services::notifications;

/// Queries about the viewer's notifications.
#[derive(Default)]
pub struct NotificationQuery;

#[Object]
impl NotificationQuery {
    /// The viewer's notifications, newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "true: only unread ones.")] unread: Option<bool>,
    ) -> Result<Conn<Notification>> {
        let viewer = ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let page = notifications::list(ctx.db(), viewer, unread.unwrap_or(false), request).await?;
        Ok(connection(page, after.is_some(), |n| n.id, Notification))
    }

    /// How many of the viewer's notifications are unread.
    async fn unread_notification_count(&self, ctx: &Context<'_>) -> Result<u64> {
        Ok(notifications::unread_count(ctx.db(), ctx.viewer()?).await?)
    }
}
