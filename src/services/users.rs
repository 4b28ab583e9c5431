//! Users: signing in and looking people up.

use entity::app_user;
use entity::enums::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::page::{self, Page, PageRequest};
use crate::auth::policy::Action;
use crate::auth::{Viewer, password};
use crate::error::{AppError, AppResult};

/// The active user with this username and password. Unknown users, wrong passwords and
/// deactivated accounts get the same answer, so the error tells an attacker nothing.
pub async fn authenticate(db: &impl ConnectionTrait, username: &str, secret: &str) -> AppResult<app_user::Model> {
    let user = app_user::Entity::find().filter(app_user::Column::Username.eq(username.trim())).one(db).await?;
    let stored_hash = user.as_ref().map_or(DUMMY_HASH, |u| u.password_hash.as_str());
    // Verify even for unknown users so response time does not reveal which usernames exist. The
    // hash is slow on purpose, so it runs on the blocking pool: on the async threads it would hold
    // up every request and live stream sharing them (a test's single thread, for seconds).
    let (secret, stored_hash) = (secret.to_owned(), stored_hash.to_owned());
    let matches = tokio::task::spawn_blocking(move || password::verify(&secret, &stored_hash))
        .await
        .map_err(|err| AppError::Internal(anyhow::anyhow!("verifying a password did not finish: {err}")))?;
    match user {
        Some(user) if matches && user.active => Ok(user),
        _ => Err(AppError::Unauthenticated("invalid username or password")),
    }
}

/// The user with this id.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> AppResult<app_user::Model> {
    app_user::Entity::find_by_id(id).one(db).await?.ok_or_else(|| AppError::NotFound(format!("user {id}")))
}

/// A page of the active users, of one role when given: the people a cycle manager picks from
/// (a cycle's test manager, its testers), for TEST_MANAGER and ADMIN; and the data owners a data
/// executive picks from for an unmapped attribute and LOB.
pub async fn list_active(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    role: Option<Role>,
    request: PageRequest,
) -> AppResult<Page<app_user::Model>> {
    if !(role == Some(Role::DataOwner) && viewer.may(Action::AssignDataOwners)) {
        viewer.require(Action::ManageCycles)?;
    }
    let mut select = app_user::Entity::find().filter(app_user::Column::Active.eq(true));
    if let Some(role) = role {
        select = select.filter(app_user::Column::Role.eq(role));
    }
    page::fetch(db, select, app_user::Column::Id, request).await
}

/// A valid argon2id hash of a random string nobody knows.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c3luYXBzZS1kdW1teQ$2LkqKRz3l9P1oZ5bHqz9dFh+dZQ2hX3M7vNn8yJfJ0A";
