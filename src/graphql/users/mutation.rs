//! `login`: exchanging a username and password for a token.

use async_graphql::{Context, Object, Result, SimpleObject};

use super::types::User;
use crate::auth::Viewer;
use crate::auth::jwt::JwtKeys;
use crate::graphql::context::ContextExt;
use crate::services::users;

/// A signed-in session.
#[derive(SimpleObject)]
pub struct AuthPayload {
    /// Bearer token (JWT, HS256) to send as `Authorization: Bearer <token>`.
    token: String,
    /// The user signed in.
    user: User,
}

/// Mutations about users.
#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// Signs in; the only operation that needs no token.
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Sign-in name.")] username: String,
        #[graphql(desc = "Password.", secret)] password: String,
    ) -> Result<AuthPayload> {
        let user = users::authenticate(ctx.db(), &username, &password).await?;
        let viewer = Viewer { user_id: user.id, role: user.role };
        let token = ctx.data_unchecked::<JwtKeys>().issue(&viewer).map_err(crate::error::AppError::from)?;
        tracing::info!(user.id = user.id, user.role = user.role.as_str(), "signed in");
        Ok(AuthPayload { token, user: User(user) })
    }
}
