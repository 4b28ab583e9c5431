//! Connecting to Temporal and running the worker: one task queue, both workflows, every
//! activity. `Worker::run` is not `Send`, so callers run it on their own task or thread.

use std::sync::Arc;

use anyhow::Context;
use sea_orm::DatabaseConnection;
use temporalio_client::{Client, ClientOptions, Connection, ConnectionOptions, GrpcCompression};
use temporalio_sdk::{Runtime, Worker, WorkerOptions};

use crate::activities::Deps;
use crate::activities::tasks::TaskActivities;
use crate::activities::tracking::TrackingActivities;
use crate::activities::work::PhaseActivities;
use crate::mail::Mailer;
use crate::provider::BuiltinCatalogue;
use crate::workflows::{EnhancedTestCycleWorkflow, ReportTestingWorkflow};

/// Where Temporal is.
#[derive(Debug, Clone)]
pub struct TemporalTarget {
    /// `host:port` of the frontend (TEMPORAL_HOST).
    pub host: String,
    pub namespace: String,
}

/// A client of `target`.
pub async fn connect(target: &TemporalTarget) -> anyhow::Result<Client> {
    let url = if target.host.contains("://") { target.host.clone() } else { format!("http://{}", target.host) };
    let url = url::Url::parse(&url).with_context(|| format!("TEMPORAL_HOST {:?} is not host:port", target.host))?;
    // gzip pays across a network; to a dev server on this machine it only costs both ends CPU.
    let compression =
        if url.host_str().is_some_and(crate::net::is_loopback) { GrpcCompression::None } else { GrpcCompression::Gzip };
    let options = ConnectionOptions::new(url).identity("synapse".to_owned()).grpc_compression(compression).build();
    let connection =
        Connection::connect(options).await.with_context(|| format!("connecting to Temporal at {}", target.host))?;
    Client::new(connection, ClientOptions::new(target.namespace.clone()).build())
        .context("creating the Temporal client")
}

/// What the worker runs with.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    pub target: TemporalTarget,
    pub task_queue: String,
    /// Honour injected faults (tests only).
    pub faults_enabled: bool,
    /// Where e-mail goes, when it does.
    pub smtp: Option<SmtpTarget>,
    /// The address people open the app at, for links in e-mail.
    pub public_url: String,
}

/// An SMTP relay and the sender's address.
#[derive(Clone)]
pub struct SmtpTarget {
    /// `smtp://` or `smtps://` URL; it may hold a password, so it is never printed.
    pub url: String,
    pub from: String,
}

impl std::fmt::Debug for SmtpTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpTarget").field("from", &self.from).finish_non_exhaustive()
    }
}

/// Runs the worker until it is shut down.
pub async fn run_worker(db: DatabaseConnection, config: WorkerConfig) -> anyhow::Result<()> {
    let client = connect(&config.target).await?;
    let runtime = Runtime::from_current_tokio(Default::default()).context("starting the Temporal runtime")?;
    let mailer = config.smtp.as_ref().map(|smtp| Mailer::new(&smtp.url, &smtp.from)).transpose()?;
    let deps = Arc::new(Deps {
        db,
        provider: Arc::new(BuiltinCatalogue),
        faults_enabled: config.faults_enabled,
        mailer,
        public_url: config.public_url.trim_end_matches('/').to_owned(),
    });
    let options = WorkerOptions::new(config.task_queue.clone())
        .register_workflow::<EnhancedTestCycleWorkflow>()?
        .register_workflow::<ReportTestingWorkflow>()?
        .register_activities(TrackingActivities(deps.clone()))
        .register_activities(PhaseActivities(deps.clone()))
        .register_activities(TaskActivities(deps))
        .build();
    let mut worker = Worker::new(&runtime, client, options).context("creating the Temporal worker")?;
    tracing::info!(task_queue = %config.task_queue, "Temporal worker polling");
    worker.run().await.context("running the Temporal worker")
}
