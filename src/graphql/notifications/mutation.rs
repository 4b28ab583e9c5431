//! `markNotificationsRead`.

use async_graphql::{Context, ID, Object, Result};

use crate::error::AppError;
use crate::graphql::context::{ContextExt, parse_id};
use crate::services::notifications::{self, MAX_MARKED};

/// Mutations on the viewer's notifications.
#[derive(Default)]
pub struct NotificationMutation;

#[Object]
impl NotificationMutation {
    /// Marks the viewer's notifications read: those named, or every unread one when `ids` is left
    /// out. Returns how many were unread; ids of other people's notifications change nothing.
    async fn mark_notifications_read(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The notifications (at most 100); all unread ones when left out.")] ids: Option<Vec<ID>>,
    ) -> Result<u64> {
        let viewer = ctx.viewer()?;
        let ids = match ids {
            Some(ids) if ids.len() > MAX_MARKED => {
                return Err(AppError::bad_input("ids", format!("name at most {MAX_MARKED} notifications")).into());
            }
            Some(ids) => Some(ids.iter().map(|id| parse_id("ids", id)).collect::<Result<Vec<_>, _>>()?),
            None => None,
        };
        Ok(notifications::mark_read(ctx.db(), viewer, ids).await?)
    }
}
