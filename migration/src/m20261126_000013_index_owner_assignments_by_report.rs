//! The data owner assignments of a cycle report are read by that report (to route test cases to
//! their owners and to count pairs left unmapped) and deleted with it; without an index each of
//! these read the whole table.

pub(crate) const UP: &str = r#"
CREATE INDEX data_owner_assignment_cycle_report_idx ON data_owner_assignment (cycle_report_id);
"#;

pub(crate) const DOWN: &str = r#"
DROP INDEX data_owner_assignment_cycle_report_idx;
"#;
