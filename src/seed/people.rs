//! Demo LOBs and users.

use std::collections::HashMap;

use entity::enums::Role;
use entity::{app_user, lob};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use worker::catalog::LOBS;

use crate::auth::password;

/// LOB ids by code.
pub type LobIds = HashMap<&'static str, i64>;
/// User ids by username.
pub type UserIds = HashMap<String, i64>;

/// Every catalogue LOB, inserted when missing.
pub async fn lobs(db: &impl ConnectionTrait) -> anyhow::Result<LobIds> {
    let rows = LOBS.iter().map(|l| lob::ActiveModel {
        code: Set(l.code.to_owned()),
        name: Set(l.name.to_owned()),
        ..Default::default()
    });
    lob::Entity::insert_many(rows)
        .on_conflict(OnConflict::column(lob::Column::Code).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    let stored = lob::Entity::find().all(db).await?;
    Ok(LOBS.iter().filter_map(|l| stored.iter().find(|s| s.code == l.code).map(|s| (l.code, s.id))).collect())
}

/// A demo user to create.
struct DemoUser {
    username: String,
    display_name: String,
    role: Role,
    lob: Option<&'static str>,
}

fn demo_users() -> Vec<DemoUser> {
    let first_lob = LOBS.first().map(|l| l.code);
    let person = |username: &str, display_name: &str, role, lob| DemoUser {
        username: username.to_owned(),
        display_name: display_name.to_owned(),
        role,
        lob,
    };
    let mut users = vec![
        person("admin", "Ada Admin", Role::Admin, None),
        person("test-manager", "Tom Manager", Role::TestManager, None),
        person("tester", "Tess Tester", Role::Tester, None),
        person("report-owner", "Rita Owner", Role::ReportOwner, None),
        person("report-owner-executive", "Rex Executive", Role::ReportOwnerExecutive, None),
        person("data-executive", "Dana Executive", Role::DataExecutive, None),
        person("data-owner", "Dora Owner", Role::DataOwner, first_lob),
    ];
    // Two data owners per LOB, so phase 4 has a real choice to make.
    for lob in LOBS {
        for n in 1..=2 {
            let code = lob.code.to_lowercase();
            users.push(DemoUser {
                username: format!("data-owner-{code}-{n}"),
                display_name: format!("{} data owner {n}", lob.name),
                role: Role::DataOwner,
                lob: Some(lob.code),
            });
        }
    }
    users
}

/// Every demo user, inserted when missing; existing users (and their passwords) are kept.
pub async fn users(db: &impl ConnectionTrait, lobs: &LobIds, secret: &str) -> anyhow::Result<UserIds> {
    let wanted = demo_users();
    let usernames: Vec<&str> = wanted.iter().map(|u| u.username.as_str()).collect();
    let existing = app_user::Entity::find().filter(app_user::Column::Username.is_in(usernames)).all(db).await?;
    let missing: Vec<&DemoUser> =
        wanted.iter().filter(|u| !existing.iter().any(|e| e.username == u.username)).collect();
    if !missing.is_empty() {
        // One hash for all: argon2 is slow on purpose, and demo users share the password anyway.
        let hash = password::hash(secret)?;
        let rows = missing.into_iter().map(|u| app_user::ActiveModel {
            username: Set(u.username.clone()),
            display_name: Set(u.display_name.clone()),
            email: Set(format!("{}@synapse.example", u.username)),
            role: Set(u.role),
            lob_id: Set(u.lob.and_then(|code| lobs.get(code).copied())),
            password_hash: Set(hash.clone()),
            active: Set(true),
            ..Default::default()
        });
        app_user::Entity::insert_many(rows)
            .on_conflict(OnConflict::column(app_user::Column::Username).do_nothing().to_owned())
            .exec_without_returning(db)
            .await?;
    }
    let stored = app_user::Entity::find()
        .filter(app_user::Column::Username.is_in(wanted.iter().map(|u| u.username.clone())))
        .all(db)
        .await?;
    Ok(stored.into_iter().map(|u| (u.username, u.id)).collect())
}
