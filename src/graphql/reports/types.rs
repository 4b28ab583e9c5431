//! The `Report` type.

use async_graphql::{Context, ID, Object, Result};
use entity::report;

use crate::graphql::context::load;
use crate::graphql::loaders::{LobId, UserId};
use crate::graphql::users::types::{Lob, User};

/// A regulatory report a bank files, e.g. FR Y-14M schedule D.1.
pub struct Report(pub report::Model);

#[Object]
impl Report {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Report name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Report number or code, e.g. `FR Y-9C`.
    async fn report_number(&self) -> &str {
        &self.0.report_number
    }

    /// The regulation that requires it.
    async fn regulation(&self) -> &str {
        &self.0.regulation
    }

    /// How often it is filed: MONTHLY, QUARTERLY, SEMI_ANNUAL or ANNUAL.
    async fn frequency(&self) -> &str {
        &self.0.frequency
    }

    /// What the report covers.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// The report owner, who approves its testing.
    async fn owner(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(load(ctx, UserId(self.0.owner_id)).await?.map(User))
    }

    /// The line of business that owns it.
    async fn lob(&self, ctx: &Context<'_>) -> Result<Option<Lob>> {
        Ok(load(ctx, LobId(self.0.lob_id)).await?.map(Lob))
    }
}
