//! Which rows a viewer may see. Monitoring roles see every cycle; everyone else sees the cycles
//! they take part in: as tester, as owner of a report in it, or as assignee of a task or request.

use entity::enums::Role;
use sea_orm::sea_query::{Expr, SimpleExpr};

use crate::auth::Viewer;

/// A condition limiting `cycle_id_sql` (a qualified column holding a cycle id, such as
/// `test_cycle.id`) to the cycles the viewer may see; `None` when the viewer sees all.
pub fn cycle_condition(viewer: &Viewer, cycle_id_sql: &str) -> Option<SimpleExpr> {
    if viewer.sees_all_cycles() {
        return None;
    }
    let participation = match viewer.role {
        Role::Tester => "SELECT cycle_id FROM cycle_report WHERE tester_id = $1",
        Role::ReportOwner => {
            "SELECT cr.cycle_id FROM cycle_report cr JOIN report r ON r.id = cr.report_id WHERE r.owner_id = $1"
        }
        // Data owners and anyone else: the cycles where work was routed to them.
        _ => {
            "SELECT cycle_id FROM human_task WHERE assignee_id = $1 \
             UNION SELECT cr.cycle_id FROM information_request ir \
             JOIN cycle_report cr ON cr.id = ir.cycle_report_id WHERE ir.data_owner_id = $1"
        }
    };
    Some(Expr::cust_with_values(format!("{cycle_id_sql} IN ({participation})"), [viewer.user_id]))
}
