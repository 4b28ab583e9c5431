//! One pooled database session for a whole activity attempt.
//!
//! The pool behind [`sea_orm::DatabaseConnection`] lends a session per statement, and the driver
//! checks every session it takes back with a round trip of its own. An attempt sends several
//! statements (its reads, its batches, its step row), so it paid that check once per statement:
//! about a third of the worker's round trips, each a wake-up of PostgreSQL and of the worker on
//! cores the Temporal server needs (measured in docs/BENCHMARKS.md). A [`Session`] takes one
//! session from the same pool at its first statement and gives it back once, when the attempt
//! ends. Each statement still commits on its own, as on the pool.
//!
//! A session dropped in the middle of a statement (a cancelled attempt) goes back through the
//! driver's usual check, which closes it rather than lend it out half-read.

use std::sync::Arc;

use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::{self, AssertSqlSafe, Executor, PgPool, Postgres};
use sea_orm::{ConnAcquireErr, ConnectionTrait, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr, Statement};
use sea_query_sqlx::SqlxValues;
use tokio::sync::Mutex;

/// A session taken from the pool at the first statement and held until dropped.
#[derive(Debug)]
pub struct Session {
    pool: PgPool,
    held: Mutex<Option<PoolConnection<Postgres>>>,
}

impl Session {
    /// A session on `pool`; nothing is taken from it until the first statement.
    pub fn new(pool: PgPool) -> Arc<Self> {
        Arc::new(Self { pool, held: Mutex::new(None) })
    }

    /// Gives the held session back to the pool, if one is held; a later statement takes another.
    pub async fn release(&self) {
        self.held.lock().await.take();
    }

    /// Runs `run` on the held session, taking one from the pool first when none is held.
    async fn with<T>(
        &self,
        run: impl AsyncFnOnce(&mut PoolConnection<Postgres>) -> Result<T, sqlx::Error>,
        error: fn(RuntimeErr) -> DbErr,
    ) -> Result<T, DbErr> {
        let mut held = self.held.lock().await;
        let connection = match held.as_mut() {
            Some(connection) => connection,
            None => held.insert(self.pool.acquire().await.map_err(acquire_error)?),
        };
        run(connection).await.map_err(|err| error(RuntimeErr::SqlxError(Arc::new(err))))
    }
}

/// A failure to take a session, as sea-orm's own pool reports it (its mapping is private).
fn acquire_error(err: sqlx::Error) -> DbErr {
    match err {
        sqlx::Error::PoolTimedOut => DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
        sqlx::Error::PoolClosed => DbErr::ConnectionAcquire(ConnAcquireErr::ConnectionClosed),
        other => DbErr::Conn(RuntimeErr::SqlxError(Arc::new(other))),
    }
}

/// The statement as the driver's query, its values bound as the pool would bind them.
fn query(stmt: &Statement) -> sqlx::query::Query<'_, Postgres, SqlxValues> {
    let values = stmt.values.clone().unwrap_or_else(|| sea_orm::sea_query::Values(Vec::new()));
    sqlx::query_with(AssertSqlSafe(stmt.sql.as_str()), SqlxValues(values))
}

#[async_trait::async_trait]
impl ConnectionTrait for Session {
    fn get_database_backend(&self) -> DbBackend {
        DbBackend::Postgres
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.with(async |c| query(&stmt).execute(&mut **c).await.map(ExecResult::from), DbErr::Exec).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        let sql = AssertSqlSafe(sql.to_owned());
        self.with(async |c| c.execute(sql).await.map(ExecResult::from), DbErr::Exec).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.with(
            async |c| query(&stmt).fetch_optional(&mut **c).await.map(|row| row.map(QueryResult::from)),
            DbErr::Query,
        )
        .await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let rows = self.with(async |c| query(&stmt).fetch_all(&mut **c).await, DbErr::Query).await?;
        Ok(rows.into_iter().map(QueryResult::from).collect())
    }
}
