//! Connecting to PostgreSQL and applying migrations.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::postgres::{PgConnectOptions, PgSslMode};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use worker::net::is_loopback;

pub use worker::sql::statement;

/// What a pool is for: how many sessions it keeps, what they start with, and when a session is
/// checked before it is handed out.
struct PoolKind {
    max_connections: u32,
    settings: &'static [(&'static str, &'static str)],
    /// Check a session idle this long (`None`: check every one, a round trip per statement).
    ping_after_idle: Option<Duration>,
}

/// The API's pool: many short reads at once, planned by PostgreSQL's default rules. Every session
/// is checked before use, so a request after a database restart never meets a dead one.
const API_POOL: PoolKind = PoolKind { max_connections: 20, settings: &[], ping_after_idle: None };

/// The worker's pool. Its statements are all keyed by ids, so one generic plan per statement and
/// session suits every call (PostgreSQL's default plans each of a session's first five calls
/// afresh, which under a batch of runs costs more than running them). Its writes are short, so a
/// few sessions keep up with many activities; more sessions than the database has cores would
/// only contend for them (measured in docs/BENCHMARKS.md). A session in steady use is known to be
/// alive and goes out unchecked: checking each one doubled the round trips per statement. One
/// idle for a second (long enough for a restart to have happened) is checked; a statement that
/// still meets a dead session fails its activity attempt, which Temporal retries.
const WORKER_POOL: PoolKind = PoolKind {
    max_connections: 8,
    settings: &[("plan_cache_mode", "force_generic_plan")],
    ping_after_idle: Some(Duration::from_secs(1)),
};

/// The API's pool on `url`. Statement logging stays off: statements may carry personal data.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    connect_as(url, &API_POOL).await
}

/// The worker's pool on `url`.
pub async fn connect_worker(url: &str) -> anyhow::Result<DatabaseConnection> {
    connect_as(url, &WORKER_POOL).await
}

async fn connect_as(url: &str, kind: &'static PoolKind) -> anyhow::Result<DatabaseConnection> {
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(kind.max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if let Some(idle) = kind.ping_after_idle {
        options.test_before_acquire_if_idle_for(idle);
    }
    let url = url.to_owned();
    options.map_sqlx_postgres_opts(move |pg| {
        let pg = plain_on_loopback(pg, &url);
        if kind.settings.is_empty() { pg } else { pg.options(kind.settings.iter().copied()) }
    });
    Database::connect(options).await.context("connecting to the database (check DATABASE_URL)")
}

/// The options of a session to `url` outside the pools (the event listener's), by the same rules.
pub fn session_options(url: &str) -> Result<PgConnectOptions, sqlx::Error> {
    Ok(plain_on_loopback(url.parse()?, url))
}

/// TLS to this machine protects nothing and costs every message a cipher pass at both ends, so a
/// session to a loopback address goes without it unless the URL or the environment chooses.
fn plain_on_loopback(pg: PgConnectOptions, url: &str) -> PgConnectOptions {
    if !names_ssl_mode(url) && is_loopback(pg.get_host()) { pg.ssl_mode(PgSslMode::Disable) } else { pg }
}

/// Whether the URL or the environment chooses TLS itself; otherwise the driver would "prefer" it.
fn names_ssl_mode(url: &str) -> bool {
    url.contains("sslmode=") || std::env::var_os("PGSSLMODE").is_some()
}

/// Applies every pending migration.
pub async fn migrate_up(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await.context("applying migrations")
}

/// Reverts the last `steps` migrations.
pub async fn migrate_down(db: &DatabaseConnection, steps: u32) -> anyhow::Result<()> {
    Migrator::down(db, Some(steps)).await.context("reverting migrations")
}

/// Each migration's name and whether it is applied.
pub async fn migration_status(db: &DatabaseConnection) -> anyhow::Result<Vec<(String, bool)>> {
    let applied: Vec<String> =
        Migrator::get_applied_migrations(db).await?.into_iter().map(|m| m.name().to_owned()).collect();
    Ok(Migrator::migrations()
        .into_iter()
        .map(|m| {
            let name = m.name().to_owned();
            let is_applied = applied.contains(&name);
            (name, is_applied)
        })
        .collect())
}

/// Creates the database `url` names when it does not exist yet, so a fresh machine needs no
/// manual `createdb`. Connects to the server's `postgres` database to do it.
pub async fn ensure_database(url: &str) -> anyhow::Result<()> {
    let (server, name) = url.rsplit_once('/').context("DATABASE_URL has no database name")?;
    let name = name.split('?').next().unwrap_or(name);
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        anyhow::bail!("DATABASE_URL names a database this tool will not create: use letters, digits and _");
    }
    let admin = connect(&format!("{server}/postgres")).await?;
    let exists =
        admin.query_one_raw(statement("SELECT 1 FROM pg_database WHERE datname = $1", [name.into()])).await?.is_some();
    if !exists {
        admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.context("creating the database")?;
        tracing::info!(database = name, "created the database");
    }
    admin.close().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_ssl_mode_is_kept() {
        assert!(names_ssl_mode("postgres://u@127.0.0.1/db?sslmode=require"));
    }
}
