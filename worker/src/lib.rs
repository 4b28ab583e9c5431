//! The test-cycle workflow of Synapse DT: the messages the API sends it, its versions, and the
//! built-in catalogue of regulations its phases work from.

pub mod catalog;
pub mod messages;
pub mod versions;
