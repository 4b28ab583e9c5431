//! What resolvers take from the request: the viewer (or why there is none), the database, the
//! loaders, and ids parsed from the opaque `ID` strings of the API.

use std::hash::Hash;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ID};
use sea_orm::DatabaseConnection;

use super::loaders::{DbLoader, LoadError};
use crate::auth::{AuthError, Identity, Viewer};
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::temporal::Gateway;

/// Typed access to the request's data.
pub trait ContextExt {
    /// The signed-in caller; UNAUTHENTICATED when the request has no valid token.
    fn viewer(&self) -> AppResult<&Viewer>;
    /// The shared connection pool.
    fn db(&self) -> &DatabaseConnection;
    /// The batching loader for relations.
    fn loader(&self) -> &DataLoader<DbLoader>;
    /// The process configuration.
    fn config(&self) -> &Config;
    /// The way to Temporal.
    fn gateway(&self) -> &Gateway;
}

impl ContextExt for Context<'_> {
    fn viewer(&self) -> AppResult<&Viewer> {
        match self.data_opt::<Identity>() {
            Some(Ok(viewer)) => Ok(viewer),
            Some(Err(err)) => Err((*err).into()),
            None => Err(AuthError::Missing.into()),
        }
    }

    fn db(&self) -> &DatabaseConnection {
        self.data_unchecked::<DatabaseConnection>()
    }

    fn loader(&self) -> &DataLoader<DbLoader> {
        self.data_unchecked::<Arc<DataLoader<DbLoader>>>()
    }

    fn config(&self) -> &Config {
        self.data_unchecked::<Config>()
    }

    fn gateway(&self) -> &Gateway {
        self.data_unchecked::<Arc<Gateway>>()
    }
}

/// The numeric id inside an `ID` argument named `field`; BAD_USER_INPUT when it is not one.
pub fn parse_id(field: &'static str, id: &ID) -> AppResult<i64> {
    id.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| AppError::bad_input(field, format!("{field} is not a valid id")))
}

/// The value the loader holds for `key`, batched with every other load of the same tick.
pub async fn load<K>(ctx: &Context<'_>, key: K) -> AppResult<Option<<DbLoader as Loader<K>>::Value>>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    DbLoader: Loader<K, Error = LoadError>,
{
    Ok(ctx.loader().load_one(key).await?)
}

/// The group of rows the loader holds for `key` (empty when there are none).
pub async fn load_group<K, V>(ctx: &Context<'_>, key: K) -> AppResult<Vec<V>>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    V: Send + Sync + Clone + 'static,
    DbLoader: Loader<K, Value = Vec<V>, Error = LoadError>,
{
    Ok(ctx.loader().load_one(key).await?.unwrap_or_default())
}

/// The values the loader holds for `keys`, in one batch.
pub async fn load_all<K>(
    ctx: &Context<'_>,
    keys: impl IntoIterator<Item = K>,
) -> AppResult<std::collections::HashMap<K, <DbLoader as Loader<K>>::Value>>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    DbLoader: Loader<K, Error = LoadError>,
{
    Ok(ctx.loader().load_many(keys).await?)
}
