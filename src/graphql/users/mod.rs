//! Users and lines of business: who is signed in, signing in.

pub mod mutation;
pub mod query;
pub mod types;
