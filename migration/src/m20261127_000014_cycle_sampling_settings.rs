//! A cycle's own sample size and request due days (DOMAIN.md: "size from config (default 25 per
//! report)"), read with its phase settings when its workflow starts. Existing cycles take the
//! defaults they have always run with.

pub(crate) const UP: &str = r#"
ALTER TABLE test_cycle
    ADD COLUMN sample_size  INT NOT NULL DEFAULT 25 CHECK (sample_size BETWEEN 1 AND 500),
    ADD COLUMN rfi_due_days INT NOT NULL DEFAULT 5 CHECK (rfi_due_days BETWEEN 1 AND 90);
"#;

pub(crate) const DOWN: &str = "ALTER TABLE test_cycle DROP COLUMN sample_size, DROP COLUMN rfi_due_days;";
