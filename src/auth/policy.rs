//! The role table of DOMAIN.md as code: which role may take which action. Deny by default:
//! an action not listed for a role is forbidden.

use entity::enums::{Phase, Role, TaskKind};

use crate::error::{AppError, AppResult};

use super::Viewer;

/// Actions whose right depends on the role alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Create a cycle, add reports to it, assign testers.
    ManageCycles,
    /// Start, cancel or schedule a workflow.
    ControlWorkflows,
    /// See every cycle, monitoring dashboards, compensation logs and alerts.
    Monitor,
    /// Change the settings every cycle starts from (phase defaults, retry policies).
    ConfigureDefaults,
    /// Name the data owner of an attribute and LOB nobody is mapped to (and so list data owners).
    AssignDataOwners,
}

impl Action {
    fn allowed(self) -> &'static [Role] {
        match self {
            Self::ManageCycles | Self::ControlWorkflows => &[Role::Admin, Role::TestManager],
            Self::Monitor => &[Role::Admin, Role::TestManager, Role::ReportOwnerExecutive, Role::DataExecutive],
            Self::ConfigureDefaults => &[Role::Admin],
            Self::AssignDataOwners => &[Role::Admin, Role::DataExecutive],
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::ManageCycles => "manage test cycles",
            Self::ControlWorkflows => "start or cancel workflows",
            Self::Monitor => "see workflow monitoring",
            Self::ConfigureDefaults => "change the default workflow settings",
            Self::AssignDataOwners => "assign data owners",
        }
    }
}

impl Viewer {
    /// Whether the viewer's role may take `action`.
    pub fn may(&self, action: Action) -> bool {
        action.allowed().contains(&self.role)
    }

    /// `Ok` when the viewer may take `action`, FORBIDDEN otherwise.
    pub fn require(&self, action: Action) -> AppResult<()> {
        if self.may(action) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!("your role may not {}", action.describe())))
        }
    }

    /// The tasks the viewer's role may decide besides those addressed to them (DOMAIN.md): a
    /// report owner executive overrides observation severity, so decides observation approvals.
    pub fn also_decides(&self) -> Option<(Phase, TaskKind)> {
        (self.role == Role::ReportOwnerExecutive).then_some((Phase::ObservationManagement, TaskKind::Approval))
    }

    /// Whether the viewer sees every cycle rather than only those they take part in.
    pub fn sees_all_cycles(&self) -> bool {
        self.may(Action::Monitor)
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::Iterable;

    use super::*;

    fn viewer(role: Role) -> Viewer {
        Viewer { user_id: 1, role }
    }

    #[test]
    fn only_test_managers_and_admins_manage_cycles_and_workflows() {
        for role in Role::iter() {
            let expected = matches!(role, Role::Admin | Role::TestManager);
            assert_eq!(viewer(role).may(Action::ManageCycles), expected, "{role:?}");
            assert_eq!(viewer(role).may(Action::ControlWorkflows), expected, "{role:?}");
        }
    }

    #[test]
    fn testers_and_owners_do_not_see_monitoring() {
        for role in [Role::Tester, Role::ReportOwner, Role::DataOwner] {
            assert!(viewer(role).require(Action::Monitor).is_err(), "{role:?}");
        }
    }

    #[test]
    fn only_admins_change_the_defaults_every_cycle_starts_from() {
        for role in Role::iter() {
            assert_eq!(viewer(role).may(Action::ConfigureDefaults), role == Role::Admin, "{role:?}");
        }
    }

    #[test]
    fn data_executives_and_admins_assign_data_owners() {
        for role in Role::iter() {
            let expected = matches!(role, Role::Admin | Role::DataExecutive);
            assert_eq!(viewer(role).may(Action::AssignDataOwners), expected, "{role:?}");
        }
    }
}
