//! The `Notification` type.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};
use entity::notification;

use crate::graphql::scalars::utc;

/// Something the workflow told one person: a task waiting for them, a request for information,
/// an SLA reminder or escalation, a failed phase's compensation.
pub struct Notification(pub notification::Model);

#[Object]
impl Notification {
    /// Opaque id.
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// TASK, RFI, SLA or COMPENSATION.
    async fn kind(&self) -> &str {
        &self.0.kind
    }

    /// One line.
    async fn subject(&self) -> &str {
        &self.0.subject
    }

    /// The detail.
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// Where in the web app to act on it (a path such as `/inbox` or `/cycles/1`).
    async fn link(&self) -> Option<&str> {
        self.0.link.as_deref()
    }

    /// When it was written.
    async fn created_at(&self) -> DateTime<Utc> {
        utc(self.0.created_at)
    }

    /// When its reader marked it read; null while unread.
    async fn read_at(&self) -> Option<DateTime<Utc>> {
        self.0.read_at.map(utc)
    }

    /// When its e-mail copy was sent; null when none was (no SMTP, or not yet).
    async fn emailed_at(&self) -> Option<DateTime<Utc>> {
        self.0.email_sent_at.map(utc)
    }
}
