//! The one typed configuration, read from the environment (and `.env` in development) once at
//! start-up. Variable names are the seed's where it names them; defaults run a local demo.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Args;
use secrecy::{ExposeSecret, SecretString};
use worker::runner::{SmtpTarget, TemporalTarget, WorkerConfig};

/// Everything the server, worker and tools read from the environment.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// PostgreSQL connection string.
    #[arg(long, env = "DATABASE_URL", default_value = "postgres://postgres@127.0.0.1:5432/synapse")]
    pub database_url: String,

    /// Address the HTTP server listens on.
    #[arg(long, env = "BIND_ADDR", default_value = "0.0.0.0:8000")]
    pub bind_addr: SocketAddr,

    /// HS256 secret for signing JWTs. When unset the server makes a random one at start-up, so
    /// tokens do not survive a restart and are not shared between processes: set it in production.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true, value_parser = parse_secret)]
    pub jwt_secret: Option<SecretString>,

    /// Lifetime of an issued token, in seconds.
    #[arg(long, env = "JWT_TTL_SECONDS", default_value_t = 8 * 3600)]
    pub jwt_ttl_seconds: u64,

    /// Temporal frontend address (seed name).
    #[arg(long, env = "TEMPORAL_HOST", default_value = "localhost:7233")]
    pub temporal_host: String,

    /// Temporal namespace (seed name).
    #[arg(long, env = "TEMPORAL_NAMESPACE", default_value = "default")]
    pub temporal_namespace: String,

    /// Task queue shared by the client and the worker (seed name).
    #[arg(long, env = "TEMPORAL_TASK_QUEUE", default_value = "synapse-workflow-queue")]
    pub temporal_task_queue: String,

    /// Run the Temporal worker inside `synapse serve` (seed name).
    #[arg(long, env = "TEMPORAL_WORKER_ENABLED", default_value_t = false, action = clap::ArgAction::Set)]
    pub temporal_worker_enabled: bool,

    /// Start-to-close timeout of one activity, in seconds (seed name).
    #[arg(long, env = "TEMPORAL_ACTIVITY_TIMEOUT", default_value_t = 300)]
    pub temporal_activity_timeout: u64,

    /// Execution timeout of a whole test-cycle workflow, in seconds (seed name).
    #[arg(long, env = "TEMPORAL_WORKFLOW_TIMEOUT", default_value_t = 86_400)]
    pub temporal_workflow_timeout: u64,

    /// Prefix of workflow ids, so deployments (or test databases) can share one namespace.
    #[arg(long, env = "TEMPORAL_WORKFLOW_ID_PREFIX", default_value = "")]
    pub temporal_workflow_id_prefix: String,

    /// Honour injected faults in `startWorkflow` (tests only; never enable in production).
    #[arg(long, env = "SYNAPSE_TESTING_FAULTS", default_value_t = false, action = clap::ArgAction::Set)]
    pub testing_faults: bool,

    /// Base address of the Temporal web UI, for links to a workflow's history.
    #[arg(long, env = "TEMPORAL_UI_URL", default_value = "http://localhost:8233")]
    pub temporal_ui_url: String,

    /// Folder of the built frontend served at `/` (skipped when absent).
    #[arg(long, env = "FRONTEND_DIST", default_value = "frontend/dist")]
    pub frontend_dist: String,

    /// SMTP relay for e-mail copies of notifications, e.g. `smtp://relay:25` or
    /// `smtps://user:password@relay:465`. Unset: notifications are in-app only.
    #[arg(long, env = "SMTP_URL", hide_env_values = true, value_parser = parse_smtp_url)]
    pub smtp_url: Option<SecretString>,

    /// Sender of e-mail.
    #[arg(long, env = "SMTP_FROM", default_value = "Synapse DT <synapse@localhost>")]
    pub smtp_from: String,

    /// Address people open the app at, for links in e-mail.
    #[arg(long, env = "PUBLIC_URL", default_value = "http://localhost:8000")]
    pub public_url: String,
}

impl Config {
    /// The activity timeout as a duration.
    pub fn activity_timeout(&self) -> Duration {
        Duration::from_secs(self.temporal_activity_timeout)
    }

    /// The workflow timeout as a duration.
    pub fn workflow_timeout(&self) -> Duration {
        Duration::from_secs(self.temporal_workflow_timeout)
    }

    /// What a Temporal worker of this deployment runs with.
    pub fn worker_config(&self) -> WorkerConfig {
        WorkerConfig {
            target: TemporalTarget { host: self.temporal_host.clone(), namespace: self.temporal_namespace.clone() },
            task_queue: self.temporal_task_queue.clone(),
            faults_enabled: self.testing_faults,
            smtp: self
                .smtp_url
                .as_ref()
                .map(|url| SmtpTarget { url: url.expose_secret().to_owned(), from: self.smtp_from.clone() }),
            public_url: self.public_url.clone(),
        }
    }
}

/// Checks the scheme only: the URL may hold a password, so the error never repeats it.
fn parse_smtp_url(value: &str) -> Result<SecretString, String> {
    if value.starts_with("smtp://") || value.starts_with("smtps://") {
        Ok(SecretString::from(value.to_owned()))
    } else {
        Err("must start with smtp:// or smtps://".to_owned())
    }
}

fn parse_secret(value: &str) -> Result<SecretString, String> {
    if value.len() < 16 {
        return Err("must be at least 16 characters".to_owned());
    }
    Ok(SecretString::from(value.to_owned()))
}
