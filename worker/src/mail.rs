//! Sending e-mail through SMTP (`SMTP_URL`, e.g. `smtp://relay:25`, `smtps://user:pass@relay`,
//! `smtp://relay:587?tls=required`). The URL may hold a password, so no error here repeats it.

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Why a message could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("SMTP_URL is not a valid smtp:// or smtps:// address")]
    BadUrl,
    #[error("{0:?} is not a valid mailbox")]
    BadAddress(String),
    #[error("the SMTP server refused or could not be reached: {0}")]
    Send(String),
}

impl MailError {
    /// Whether another attempt could succeed (a bad address will stay bad).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Send(_))
    }
}

/// An SMTP connection pool and the sender's address.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

/// One message to one person.
#[derive(Debug, Clone)]
pub struct Mail<'a> {
    pub to_name: &'a str,
    pub to_address: &'a str,
    pub subject: &'a str,
    pub body: String,
}

impl Mailer {
    /// A mailer for the relay at `url`, sending as `from` (e.g. `Synapse DT <synapse@bank.example>`).
    pub fn new(url: &str, from: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|_| MailError::BadUrl)?.build();
        let from = from.parse().map_err(|_| MailError::BadAddress(from.to_owned()))?;
        Ok(Self { transport, from })
    }

    /// Sends `mail` as plain text.
    pub async fn send(&self, mail: Mail<'_>) -> Result<(), MailError> {
        let to = format!("{} <{}>", mail.to_name.replace(['<', '>', '"'], ""), mail.to_address);
        let to: Mailbox = to.parse().map_err(|_| MailError::BadAddress(mail.to_address.to_owned()))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)
            .map_err(|err| MailError::Send(err.to_string()))?;
        self.transport.send(message).await.map(drop).map_err(|err| MailError::Send(err.to_string()))
    }
}
