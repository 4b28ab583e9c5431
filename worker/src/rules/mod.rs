//! The pure domain rules the test-cycle workflow's activities apply, one file per phase: scoping
//! advice, sample categories and stratified sampling, data-owner mapping, typed comparison,
//! grouping failures into observations, and rendering the test report.
//!
//! Nothing here does I/O, reads a clock or draws unseeded randomness: the same inputs always
//! give the same outputs, so a retried activity reproduces its result exactly.

pub mod comparison;
pub mod observations;
pub mod owners;
pub mod report;
pub mod sampling;
pub mod scoping;

pub use comparison::{Comparison, Outcome, compare};
pub use observations::{ExecutionFacts, ObservationDraft, ObservationType, Severity, group_failures};
pub use owners::{OwnerCandidate, map_owner};
pub use report::{AttributeResult, ObservationLine, Rendered, ReportData, SampleLine, ScopeLine, SignOffLine, render};
pub use sampling::{Candidate, SampleCategory, SampleChoice, categorize, stratified_sample};
pub use scoping::{AttributeFacts, Recommendation, ScopingAdvice, advise};
