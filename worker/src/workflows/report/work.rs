//! Each phase's automatic work and the human steps that follow it, as `ReportTestingWorkflow`
//! runs them: one tracked activity per piece of work, then the phase's reviews and approvals.

use entity::enums::{ApprovalMode, Phase, Role, TaskKind};
use temporalio_sdk::workflows::{join, join_all};

use super::{Review, Runner, WorkFailure};
use crate::activities::work::PhaseActivities;
use crate::provider::Revision;
use crate::settings::ActivityKind;
use crate::workflows::steps::options;

impl Runner {
    /// The phase's automatic work and its human steps.
    pub(super) async fn work(
        &self,
        phase: Phase,
        round: u32,
        revision: Option<Revision>,
    ) -> Result<Review, WorkFailure> {
        let settings = &self.input.settings;
        let input = self.phase_input(round, revision);
        let fault = self.fault(phase, round);
        let db = options(settings, ActivityKind::Database, false);
        let tracked = |kind, value| self.tracked(phase, kind, fault.clone(), value);
        let owner = Some(self.people.report_owner_id);
        let report = self.report_name();
        match phase {
            Phase::Planning => {
                let llm = options(settings, ActivityKind::Llm, false);
                self.ctx
                    .execute_activity(PhaseActivities::generate_attributes, tracked(ActivityKind::Llm, input), llm)
                    .await
                    .map_err(|e| self.failure(&e))?;
                self.approve_attributes(round).await
            }
            Phase::Scoping => {
                self.ctx
                    .execute_activity(PhaseActivities::score_scoping, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let review = format!("Review the scoping of {report}");
                let tester = self.people.tester_id;
                if let Review::SentBack(d) =
                    self.human(phase, TaskKind::Review, review, Role::Tester, tester, round, None, "tester").await?
                {
                    return Ok(Review::SentBack(d));
                }
                let title = format!("Approve the scope of {report}");
                self.human(phase, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
            }
            Phase::SampleSelection => {
                let work = self.tracked(phase, ActivityKind::Database, fault.clone(), (input, settings.sample_size));
                self.ctx
                    .execute_activity(PhaseActivities::select_samples, work, db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let title = format!("Approve the samples of {report}");
                self.human(phase, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
            }
            Phase::DataOwnerIdentification => {
                let unmapped = self
                    .ctx
                    .execute_activity(PhaseActivities::map_data_owners, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                if unmapped == 0 {
                    return Ok(Review::Accepted);
                }
                let title = format!("Assign data owners to {unmapped} unmapped attribute/LOB pairs of {report}");
                self.human(phase, TaskKind::Assignment, title, Role::DataExecutive, None, round, None, "executive")
                    .await
            }
            Phase::RequestForInformation => {
                let work =
                    self.tracked(phase, ActivityKind::Database, fault.clone(), (input.clone(), settings.rfi_due_days));
                let requests = self
                    .ctx
                    .execute_activity(PhaseActivities::issue_requests, work, db.clone())
                    .await
                    .map_err(|e| self.failure(&e))?;
                if self.input.approval_mode == ApprovalMode::Auto {
                    self.ctx
                        .execute_activity(PhaseActivities::auto_evidence, tracked(ActivityKind::Database, input), db)
                        .await
                        .map_err(|e| self.failure(&e))?;
                    return Ok(Review::Accepted);
                }
                let steps = requests.iter().map(|r| {
                    let title = format!("Submit evidence for {} test cases of {report}", r.test_cases);
                    let discriminator = format!("rfi-{}", r.information_request_id);
                    self.human(
                        phase,
                        TaskKind::Evidence,
                        title,
                        Role::DataOwner,
                        Some(r.data_owner_id),
                        round,
                        Some(r.information_request_id),
                        discriminator,
                    )
                });
                // A data owner who cannot provide evidence leaves those cases INCONCLUSIVE: the
                // phase goes on either way once every request is answered.
                for result in join_all(steps).await {
                    result?;
                }
                Ok(Review::Accepted)
            }
            Phase::TestExecution => {
                self.ctx
                    .execute_activity(PhaseActivities::execute_tests, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let title = format!("Review the test results of {report}");
                let tester = self.people.tester_id;
                self.human(phase, TaskKind::Review, title, Role::Tester, tester, round, None, "tester").await
            }
            Phase::ObservationManagement => {
                self.ctx
                    .execute_activity(PhaseActivities::raise_observations, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                let title = format!("Approve the observations of {report}");
                self.human(phase, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
            }
            Phase::FinalizeTestReport => {
                self.ctx
                    .execute_activity(
                        PhaseActivities::render_report,
                        tracked(ActivityKind::Database, input.clone()),
                        db.clone(),
                    )
                    .await
                    .map_err(|e| self.failure(&e))?;
                let manager = Some(self.people.test_manager_id);
                let (by_manager, by_owner) = join!(
                    self.human(
                        phase,
                        TaskKind::SignOff,
                        format!("Sign off the test report of {report}"),
                        Role::TestManager,
                        manager,
                        round,
                        None,
                        "manager",
                    ),
                    self.human(
                        phase,
                        TaskKind::SignOff,
                        format!("Sign off the test report of {report}"),
                        Role::ReportOwner,
                        owner,
                        round,
                        None,
                        "owner",
                    ),
                );
                for review in [by_manager?, by_owner?] {
                    if let Review::SentBack(decision) = review {
                        return Ok(Review::SentBack(decision));
                    }
                }
                self.ctx
                    .execute_activity(PhaseActivities::finalize_report, tracked(ActivityKind::Database, input), db)
                    .await
                    .map_err(|e| self.failure(&e))?;
                Ok(Review::Accepted)
            }
        }
    }

    /// Planning's human step: the report owner approves the generated attributes.
    pub(super) async fn approve_attributes(&self, round: u32) -> Result<Review, WorkFailure> {
        let title = format!("Approve the attributes to test for {}", self.report_name());
        let owner = Some(self.people.report_owner_id);
        self.human(Phase::Planning, TaskKind::Approval, title, Role::ReportOwner, owner, round, None, "owner").await
    }

    /// How task titles name the report: its number (e.g. FR Y-9C), or its id in runs recorded
    /// before the number was read.
    fn report_name(&self) -> String {
        match self.people.report_number.as_str() {
            "" => format!("report {}", self.input.report_id),
            number => number.to_owned(),
        }
    }
}
