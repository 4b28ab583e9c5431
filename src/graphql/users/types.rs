//! The `User` and `Lob` types.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use entity::{app_user, lob};

use crate::graphql::context::load;
use crate::graphql::enums::Role;
use crate::graphql::loaders::LobId;
use crate::graphql::scalars::utc;

/// A person who uses Synapse DT, with one role.
pub struct User(pub app_user::Model);

#[Object]
impl User {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Sign-in name.
    async fn username(&self) -> &str {
        &self.0.username
    }

    /// Name to show.
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }

    /// E-mail address for notifications.
    async fn email(&self) -> &str {
        &self.0.email
    }

    /// The user's role, which decides what they may see and do.
    async fn role(&self) -> Role {
        self.0.role.into()
    }

    /// The line of business the user belongs to, if any.
    async fn lob(&self, ctx: &Context<'_>) -> Result<Option<Lob>> {
        let Some(id) = self.0.lob_id else { return Ok(None) };
        Ok(load(ctx, LobId(id)).await?.map(Lob))
    }

    /// Whether the account may sign in.
    async fn active(&self) -> bool {
        self.0.active
    }

    /// When the account was created.
    async fn created_at(&self) -> DateTime<Utc> {
        utc(self.0.created_at)
    }
}

/// A line of business: owns source data and has its data owners.
pub struct Lob(pub lob::Model);

#[Object]
impl Lob {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Short code, e.g. `RETAIL`.
    async fn code(&self) -> &str {
        &self.0.code
    }

    /// Full name.
    async fn name(&self) -> &str {
        &self.0.name
    }
}
