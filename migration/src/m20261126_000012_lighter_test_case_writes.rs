//! Fewer checks per stored test case and result. A report's test cases are written a few hundred
//! at a time, and every foreign key costs an index probe and a row lock per row.
//!
//! - `test_case.cycle_report_id` is a copy of its sample's cycle report, and
//!   `test_case.data_owner_id` a copy of its request's data owner, kept for reading by either
//!   without a join. Both are written in the same statement as the row they copy from, whose own
//!   foreign keys already guard the originals: deleting a cycle report reaches its test cases
//!   through their samples, and the request's owner must be a user. Checking the copies again
//!   added two of the five checks per test case.
//! - `test_execution (result)` indexed three values that no query reads by alone.

pub(crate) const UP: &str = r#"
ALTER TABLE test_case DROP CONSTRAINT test_case_cycle_report_id_fkey,
                      DROP CONSTRAINT test_case_data_owner_id_fkey;
DROP INDEX test_execution_result_idx;
"#;

pub(crate) const DOWN: &str = r#"
CREATE INDEX test_execution_result_idx ON test_execution (result);
ALTER TABLE test_case ADD CONSTRAINT test_case_cycle_report_id_fkey
                          FOREIGN KEY (cycle_report_id) REFERENCES cycle_report (id) ON DELETE CASCADE,
                      ADD CONSTRAINT test_case_data_owner_id_fkey FOREIGN KEY (data_owner_id) REFERENCES app_user (id);
"#;
