//! The live inbox: the tasks addressed to the viewer as they open, close and are withdrawn.

use async_graphql::{Context, Result, Subscription};
use futures::Stream;

use crate::events::{Addressee, EventFilter, EventHub};
use crate::graphql::context::ContextExt;
use crate::graphql::workflow::subscription::{WorkflowEvent, check_after_seq, events};

/// Live task subscriptions.
#[derive(Default)]
pub struct TaskSubscription;

#[Subscription]
impl TaskSubscription {
    /// TASK_OPENED, TASK_COMPLETED and TASK_CANCELLED events of the tasks addressed to the viewer
    /// (assigned to them, or to their role with no one named, or that their role may also decide:
    /// a report owner executive's observation approvals), from every cycle; pass the last
    /// `seq` you saw as `afterSeq` to resume with no gap and no duplicate.
    async fn task_events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Resume after this sequence number (backlog first, then live).")] after_seq: Option<i64>,
    ) -> Result<impl Stream<Item = Result<WorkflowEvent>> + use<>> {
        check_after_seq(after_seq)?;
        let viewer = ctx.viewer()?;
        let filter = EventFilter {
            tasks_of: Some(Addressee {
                user_id: viewer.user_id,
                role: viewer.role.as_str(),
                also: viewer.also_decides().map(|(phase, kind)| (phase.as_str(), kind.as_str())),
            }),
            ..EventFilter::default()
        };
        Ok(events(ctx.data_unchecked::<std::sync::Arc<EventHub>>(), filter, after_seq))
    }
}
