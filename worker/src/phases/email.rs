//! E-mail copies of in-app notifications. The notification rows are written by the phase or
//! task that concerns someone; this sends the ones it is pointed at, once each: a sent row is
//! stamped `email_sent_at`, so a retried attempt sends only what is left. Without a mailer
//! (no `SMTP_URL`) notifications stay in-app only.

use sea_orm::{DatabaseConnection, FromQueryResult};
use serde::{Deserialize, Serialize};

use super::{PhaseError, PhaseResult};
use crate::mail::{Mail, Mailer};
use crate::sql::{exec, rows};

/// Which notifications to send: exact keys, or key prefixes (a notification per recipient).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EmailBatch {
    pub keys: Vec<String>,
    pub key_prefixes: Vec<String>,
}

#[derive(Debug, FromQueryResult)]
struct Pending {
    id: i64,
    subject: String,
    body: String,
    link: Option<String>,
    email: String,
    display_name: String,
}

/// Sends the unsent notifications `batch` names; returns how many were sent. A transient SMTP
/// failure fails the attempt (to be retried per the e-mail policy) after stamping what went out.
pub async fn deliver(
    db: &DatabaseConnection,
    mailer: Option<&Mailer>,
    public_url: &str,
    batch: &EmailBatch,
) -> PhaseResult<u32> {
    let Some(mailer) = mailer else { return Ok(0) };
    let patterns: Vec<String> = batch.key_prefixes.iter().map(|p| like_prefix(p)).collect();
    let pending: Vec<Pending> = rows(
        db,
        "SELECT n.id, n.subject, n.body, n.link, u.email, u.display_name
         FROM notification n JOIN app_user u ON u.id = n.user_id
         WHERE (n.notification_key = ANY($1) OR n.notification_key LIKE ANY($2))
           AND n.email_sent_at IS NULL AND u.active
         ORDER BY n.id",
        vec![batch.keys.clone().into(), patterns.into()],
    )
    .await?;
    let mut sent = 0;
    for notification in pending {
        let link = notification.link.as_deref().map(|l| format!("\n\nOpen it in Synapse DT: {public_url}{l}"));
        let mail = Mail {
            to_name: &notification.display_name,
            to_address: &notification.email,
            subject: &notification.subject,
            body: format!("{}{}", notification.body, link.unwrap_or_default()),
        };
        match mailer.send(mail).await {
            Ok(()) => {
                exec(db, "UPDATE notification SET email_sent_at = now() WHERE id = $1", vec![notification.id.into()])
                    .await?;
                sent += 1;
            }
            // One bad address must not hold back everyone else's mail.
            Err(err) if !err.is_retryable() => {
                tracing::warn!(notification = notification.id, error = %err, "not e-mailed");
            }
            Err(err) => return Err(PhaseError::Delivery(err.to_string())),
        }
    }
    Ok(sent)
}

/// A LIKE pattern matching keys that start with `prefix` taken literally.
fn like_prefix(prefix: &str) -> String {
    let mut pattern = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '\\' | '%' | '_') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::like_prefix;

    #[test]
    fn prefixes_match_literally() {
        assert_eq!(like_prefix("sla:1:"), "sla:1:%");
        assert_eq!(like_prefix("a_b%c\\"), "a\\_b\\%c\\\\%");
    }
}
