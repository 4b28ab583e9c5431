//! A source record's sampling category (CLEAN, ANOMALY, BOUNDARY) is stored with the record. The
//! category depends only on the record's reported values, which never change, so it is worked out
//! once when the record is stored rather than on every draw: a draw then reads a few bytes per
//! record instead of every record's values. Records stored before this column existed keep NULL,
//! and the draw works theirs out as it always did.

pub(crate) const UP: &str = r#"
ALTER TABLE source_record ADD COLUMN category TEXT CHECK (category IN ('CLEAN', 'ANOMALY', 'BOUNDARY'));
"#;

pub(crate) const DOWN: &str = "ALTER TABLE source_record DROP COLUMN category;";
