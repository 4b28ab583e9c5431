//! Several writes sent as one statement. Each write becomes a data-modifying CTE of a single
//! `WITH w1 AS (…), w2 AS (…) <last>` statement, which PostgreSQL runs as one transaction: the
//! writes commit together, in one round trip instead of a `BEGIN`, one per write and a `COMMIT`.
//! Under load the round trips, not the writes, are most of what tracking costs the database and
//! the worker (docs/BENCHMARKS.md). The parts must not depend on one another's effects: every
//! part of one statement sees the same snapshot. A part may read, though, for the others to use
//! by name: a row locked for the whole statement, say.

use sea_orm::{ConnectionTrait, DbErr, Statement, Value};

/// A statement under construction: its writes so far and the values they bind.
#[derive(Debug, Default)]
pub(crate) struct Writes {
    parts: Vec<String>,
    values: Vec<Value>,
}

impl Writes {
    /// Binds `value` and returns its placeholder (`$n`) for the SQL being written.
    pub(crate) fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    /// Adds a write (an `INSERT`, `UPDATE` or `DELETE`) that runs with the statement.
    pub(crate) fn with(&mut self, sql: String) {
        self.parts.push(sql);
    }

    /// Adds a query (a `SELECT`) the other parts read; returns its name for them to use.
    pub(crate) fn read(&mut self, sql: String) -> String {
        self.parts.push(sql);
        format!("w{}", self.parts.len())
    }

    /// The statement: every write added, then `last`.
    pub(crate) fn statement(self, last: &str) -> Statement {
        let mut sql = String::new();
        for (i, part) in self.parts.iter().enumerate() {
            sql.push_str(if i == 0 { "WITH " } else { ",\n" });
            sql.push_str(&format!("w{} AS ({part})", i + 1));
        }
        if !sql.is_empty() {
            sql.push('\n');
        }
        sql.push_str(last);
        crate::sql::statement(sql, self.values)
    }

    /// Runs the statement; returns the rows `last` affected.
    pub(crate) async fn execute(self, db: &impl ConnectionTrait, last: &str) -> Result<u64, DbErr> {
        Ok(db.execute_raw(self.statement(last)).await?.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_become_numbered_ctes_before_the_last_statement() {
        let mut writes = Writes::default();
        let a = writes.bind(1_i64);
        writes.with(format!("UPDATE t SET x = {a}"));
        let b = writes.bind("k");
        writes.with(format!("DELETE FROM u WHERE k = {b}"));
        let c = writes.bind(2_i64);
        let statement = writes.statement(&format!("INSERT INTO v VALUES ({c})"));
        assert_eq!(
            statement.sql,
            "WITH w1 AS (UPDATE t SET x = $1),\nw2 AS (DELETE FROM u WHERE k = $2)\nINSERT INTO v VALUES ($3)"
        );
        assert_eq!(statement.values.map(|v| v.0.len()), Some(3));
    }

    #[test]
    fn a_read_is_named_for_the_parts_after_it() {
        let mut writes = Writes::default();
        let run = writes.read("SELECT true AS live".to_owned());
        writes.with(format!("INSERT INTO t SELECT 1 WHERE (SELECT live FROM {run})"));
        assert_eq!(
            writes.statement("SELECT 1").sql,
            "WITH w1 AS (SELECT true AS live),\nw2 AS (INSERT INTO t SELECT 1 WHERE (SELECT live FROM w1))\nSELECT 1"
        );
    }

    #[test]
    fn a_statement_without_writes_is_the_last_statement_alone() {
        let mut writes = Writes::default();
        let a = writes.bind(1_i64);
        assert_eq!(writes.statement(&format!("SELECT {a}")).sql, "SELECT $1");
    }
}
