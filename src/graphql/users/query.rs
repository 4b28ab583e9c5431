//! `me`: the signed-in user.

use async_graphql::{Context, Object, Result};

use super::types::User;
use crate::graphql::context::ContextExt;
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
}
