//! Reports: the regulatory filings under test.

pub mod query;
pub mod types;
