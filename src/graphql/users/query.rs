//! `me`: the signed-in user; `users`: the people a cycle manager picks from.

use async_graphql::{Context, Object, Result};

use super::types::User;
use crate::graphql::connection::{Conn, connection, page_request};
use crate::graphql::context::ContextExt;
use crate::graphql::enums::Role;
use crate::services::users;

/// Queries about users.
#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// The signed-in user.
    async fn me(&self, ctx: &Context<'_>) -> Result<User> {
        let viewer = ctx.viewer()?;
        Ok(User(users::find(ctx.db(), viewer.user_id).await?))
    }

    /// The active users, of one role when given, newest first: whom a cycle can be given to (a
    /// test manager) or assigned (testers), for TEST_MANAGER and ADMIN; and, with role
    /// DATA_OWNER, whom a data executive can name for an unmapped attribute and LOB.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only users with this role.")] role: Option<Role>,
        #[graphql(desc = "Page size, at most 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Conn<User>> {
        let viewer = ctx.viewer()?;
        let request = page_request(first, after.as_deref())?;
        let page = users::list_active(ctx.db(), viewer, role.map(Into::into), request).await?;
        Ok(connection(page, after.is_some(), |u| u.id, User))
    }
}
