//! `synapse seed`: the demo data, idempotent. LOBs, one user per role (and two data owners per
//! LOB), the catalogue's reports with a few thousand reproducible source records, and one demo
//! cycle. Every row is keyed by a natural key and inserted only when missing, so running the seed
//! again changes nothing and never touches data people have made since.

mod cycle;
mod people;
mod records;

use sea_orm::{DatabaseConnection, TransactionTrait};

/// Seed of the source-record generator: fixed, so every machine gets the same records.
pub const RECORD_SEED: u64 = 20_261_125;
/// Source records generated per report.
pub const RECORDS_PER_REPORT: usize = 800;

/// What the seed found in place afterwards.
#[derive(Debug, Default)]
pub struct SeedSummary {
    pub lobs: usize,
    pub users: usize,
    pub reports: usize,
    pub source_records_added: u64,
    pub demo_cycle_id: i64,
}

/// Loads the demo data in one transaction, with `password` for every new demo user.
pub async fn run(db: &DatabaseConnection, password: &str) -> anyhow::Result<SeedSummary> {
    let txn = db.begin().await?;
    let lobs = people::lobs(&txn).await?;
    let users = people::users(&txn, &lobs, password).await?;
    let reports = records::reports(&txn, &lobs, &users).await?;
    let source_records_added = records::source_records(&txn, &lobs, &reports).await?;
    let demo_cycle_id = cycle::demo_cycle(&txn, &users, &reports).await?;
    txn.commit().await?;
    Ok(SeedSummary {
        lobs: lobs.len(),
        users: users.len(),
        reports: reports.len(),
        source_records_added,
        demo_cycle_id,
    })
}
