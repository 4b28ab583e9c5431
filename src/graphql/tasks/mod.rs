//! The human task inbox.

pub mod evidence;
pub mod mutation;
pub mod query;
pub mod subscription;
pub mod types;
