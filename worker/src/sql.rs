//! How the worker's SQL is sent: raw statements with bound values, for the phases' work and the
//! tracking writes alike. Batches of rows travel as one JSON array, read by the statement with
//! `jsonb_to_recordset`, so a batch costs one round trip however many rows it has.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, FromQueryResult, Statement, Value};
use serde::Serialize;

/// A raw PostgreSQL statement with its bound values: the one builder for every query the
/// entities cannot express, the worker's and the API's alike (`synapse::db::statement`).
pub fn statement(sql: impl Into<String>, values: impl IntoIterator<Item = Value>) -> Statement {
    Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
}

/// Runs `sql`; returns the rows it affected.
pub(crate) async fn exec(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<u64, DbErr> {
    Ok(db.execute_raw(statement(sql, values)).await?.rows_affected())
}

/// The first column of the first row of `sql`, if any (and not null).
pub(crate) async fn scalar_i64(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<Option<i64>, DbErr> {
    let row = db.query_one_raw(statement(sql, values)).await?;
    row.map(|r| r.try_get_by_index::<Option<i64>>(0)).transpose().map(Option::flatten)
}

/// Rows of `sql` mapped to `T`.
pub(crate) async fn rows<T: FromQueryResult>(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> Result<Vec<T>, DbErr> {
    T::find_by_statement(statement(sql, values)).all(db).await
}

/// Runs `sql` once with every row of `rows` as the JSON array `$1`, which the statement reads
/// with `jsonb_to_recordset($1::jsonb)`: one round trip for a whole batch instead of one per row.
/// `values` are bound from `$2` on. Ids go there, never into the text, so every report's batch
/// is one statement, planned once per session instead of parsed and planned anew each time.
/// The rows are sent as JSON text, serialised straight from `T`: PostgreSQL parses the text once
/// either way, and no intermediate `serde_json::Value` tree is built and dropped per batch.
pub(crate) async fn insert_batch<T: Serialize>(
    db: &impl ConnectionTrait,
    sql: &str,
    rows: &[T],
    values: impl IntoIterator<Item = Value>,
) -> Result<u64, DbErr> {
    if rows.is_empty() {
        return Ok(0);
    }
    let json = serde_json::to_string(rows).map_err(|err| DbErr::Custom(format!("encoding a batch: {err}")))?;
    exec(db, sql, std::iter::once(json.into()).chain(values).collect()).await
}
