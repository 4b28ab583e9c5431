//! Each person's in-app notifications: the list, the unread count, and marking them read.

pub mod mutation;
pub mod query;
pub mod types;
