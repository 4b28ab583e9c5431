//! Human-step and compensation activities.

use std::sync::Arc;

use temporalio_macros::activities;
use temporalio_sdk::activities::{ActivityContext, ActivityError};

use super::{Deps, Tracked};
use crate::messages::OperatorAction;
use crate::phases::alerts::{self, SlaAlert};
use crate::phases::compensation::{self, Compensate};
use crate::phases::email::{self, EmailBatch};
use crate::phases::migration::{self, ApplyMigration};
use crate::phases::tasks::{self, CloseTask, OpenTask, OpenedTask};

/// Human-step and compensation activities.
#[derive(Debug)]
pub struct TaskActivities(pub Arc<Deps>);

#[activities]
impl TaskActivities {
    /// Opens a human task (and decides it at once in AUTO mode).
    #[activity]
    pub async fn open_task(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<OpenTask>,
    ) -> Result<OpenedTask, ActivityError> {
        let deps = &self.0;
        let (scope, task) = (work.scope.clone(), work.input.clone());
        deps.tracked(&ctx, &work, |db| async move { tasks::open(&*db, &scope, task).await }).await
    }

    /// Records a decision and what it means for the phase.
    #[activity]
    pub async fn close_task(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<CloseTask>,
    ) -> Result<(), ActivityError> {
        let deps = &self.0;
        let task = work.input.clone();
        deps.tracked(&ctx, &work, |db| async move { tasks::close(&*db, task).await }).await
    }

    /// Compensates a failed phase; returns the compensation log's id.
    #[activity]
    pub async fn compensate(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<Compensate>,
    ) -> Result<i64, ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, |_| compensation::compensate(&deps.db, work.input.clone())).await
    }

    /// Raises an SLA alert on a late task and notifies.
    #[activity]
    pub async fn raise_sla_alert(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<SlaAlert>,
    ) -> Result<(), ActivityError> {
        let deps = &self.0;
        let reminded = EmailBatch { keys: vec![], key_prefixes: vec![alerts::notification_prefix(&work.input)] };
        deps.tracked(&ctx, &work, |_| async {
            alerts::raise(&deps.db, work.input.clone()).await?;
            email::deliver(&deps.db, deps.mailer.as_ref(), &deps.public_url, &reminded).await.map(drop)
        })
        .await
    }

    /// E-mails the notifications `work` names that have not gone out yet; returns how many
    /// were sent (none without a mailer).
    #[activity]
    pub async fn send_emails(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<EmailBatch>,
    ) -> Result<u32, ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, |_| email::deliver(&deps.db, deps.mailer.as_ref(), &deps.public_url, &work.input))
            .await
    }

    /// Records a version migration applied at a phase boundary.
    #[activity]
    pub async fn apply_migration(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<ApplyMigration>,
    ) -> Result<(), ActivityError> {
        let deps = &self.0;
        deps.tracked(&ctx, &work, |_| migration::apply(&deps.db, work.input.clone())).await
    }

    /// Records an operator's answer to a paused phase.
    #[activity]
    pub async fn resolve_compensation(
        self: Arc<Self>,
        ctx: ActivityContext,
        work: Tracked<(i64, OperatorAction, i64)>,
    ) -> Result<(), ActivityError> {
        let deps = &self.0;
        let (log, action, operator) = work.input;
        deps.tracked(&ctx, &work, |_| compensation::resolve(&deps.db, log, action, operator)).await
    }
}
