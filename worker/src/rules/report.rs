//! Phase 8 (Finalize Test Report): renders the test report of one report in a cycle as Markdown
//! and as a standalone HTML page, with its summary figures as JSON.
//!
//! Both formats come from one list of blocks (headings, paragraphs, tables), so they always say
//! the same thing; each format escapes text its own way when the blocks are written out.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

/// Severities in the order the report lists them.
const SEVERITIES: [&str; 5] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
color:#1f2933;line-height:1.45}h1{font-size:1.6rem;border-bottom:2px solid #1f6feb}h2{font-size:1.2rem;\
margin-top:2rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;\
padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f6f9}p.meta{color:#57606a}";

/// Everything the test report shows, read by the activity from the database.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportData {
    pub cycle_name: String,
    pub report_name: String,
    pub report_number: String,
    pub regulation: String,
    /// `YYYY-MM-DD`; passed in so rendering stays deterministic.
    pub generated_on: String,
    /// Attributes of the report, in scope or not.
    pub attributes_total: usize,
    pub attributes_in_scope: Vec<ScopeLine>,
    pub samples: Vec<SampleLine>,
    pub results: Vec<AttributeResult>,
    pub observations: Vec<ObservationLine>,
    pub sign_offs: Vec<SignOffLine>,
}

/// An attribute in scope.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopeLine {
    pub name: String,
    pub risk_score: i16,
    pub rationale: String,
}

/// A sampled source record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SampleLine {
    pub record_key: String,
    pub lob_code: String,
    /// `CLEAN`, `ANOMALY` or `BOUNDARY`.
    pub category: String,
}

/// Latest test outcomes of one attribute, counted over its test cases.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AttributeResult {
    pub attribute_name: String,
    pub passed: usize,
    pub failed: usize,
    pub inconclusive: usize,
}

/// An observation as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ObservationLine {
    pub title: String,
    /// `CRITICAL` … `INFORMATIONAL`.
    pub severity: String,
    pub status: String,
}

/// A sign-off given on the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SignOffLine {
    pub role: String,
    pub name: String,
    /// As the caller formats it, e.g. `2026-10-05 14:03 UTC`.
    pub signed_at: String,
    /// Given by the workflow in AUTO approval mode rather than by the person.
    pub automatic: bool,
}

/// The rendered report.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub markdown: String,
    /// A complete HTML document with inline CSS.
    pub html: String,
    /// The summary figures (`attributes_total`, `attributes_tested`, `samples`, `test_cases`,
    /// `passed`, `failed`, `inconclusive`, `pass_rate` in percent or null, `observations`,
    /// `observations_by_severity`, `sign_offs`).
    pub summary: Value,
}

enum Block {
    Heading(String),
    Paragraph(String),
    Table { header: Vec<String>, rows: Vec<Vec<String>> },
}

fn table<const N: usize>(header: [&str; N], rows: Vec<[String; N]>) -> Block {
    Block::Table {
        header: header.map(str::to_owned).to_vec(),
        rows: rows.into_iter().map(|row| row.to_vec()).collect(),
    }
}

/// Renders `data` as Markdown, HTML and summary figures. Deterministic.
pub fn render(data: &ReportData) -> Rendered {
    let passed: usize = data.results.iter().map(|r| r.passed).sum();
    let failed: usize = data.results.iter().map(|r| r.failed).sum();
    let inconclusive: usize = data.results.iter().map(|r| r.inconclusive).sum();
    let test_cases = passed + failed + inconclusive;
    // Inconclusive cases count against the pass rate: a test without evidence proved nothing.
    let pass_rate = (test_cases > 0).then(|| passed as f64 * 100.0 / test_cases as f64);
    let by_severity = count_by(data.observations.iter().map(|o| o.severity.as_str()));
    let summary = json!({
        "attributes_total": data.attributes_total,
        "attributes_tested": data.attributes_in_scope.len(),
        "samples": data.samples.len(),
        "test_cases": test_cases,
        "passed": passed,
        "failed": failed,
        "inconclusive": inconclusive,
        "pass_rate": pass_rate.map(|rate| (rate * 10.0).round() / 10.0),
        "observations": data.observations.len(),
        "observations_by_severity": by_severity,
        "sign_offs": data.sign_offs.len(),
    });

    let title = format!("Test report: {} ({})", data.report_name, data.report_number);
    let meta =
        format!("Cycle: {} · Regulation: {} · Generated on {}", data.cycle_name, data.regulation, data.generated_on);
    let severity_text = if data.observations.is_empty() {
        "none".to_owned()
    } else {
        ordered_severities(&by_severity)
            .map(|(severity, count)| format!("{count} {severity}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut blocks = vec![
        Block::Heading("Summary".to_owned()),
        table(
            ["Figure", "Value"],
            vec![
                [
                    "Attributes tested".into(),
                    format!("{} of {}", data.attributes_in_scope.len(), data.attributes_total),
                ],
                ["Samples".into(), data.samples.len().to_string()],
                ["Test cases".into(), test_cases.to_string()],
                ["Passed / failed / inconclusive".into(), format!("{passed} / {failed} / {inconclusive}")],
                ["Pass rate".into(), percent(pass_rate)],
                ["Observations".into(), format!("{} ({severity_text})", data.observations.len())],
            ],
        ),
        Block::Heading("Scope".to_owned()),
    ];
    blocks.push(if data.attributes_in_scope.is_empty() {
        Block::Paragraph("No attribute is in scope.".to_owned())
    } else {
        let rows =
            data.attributes_in_scope.iter().map(|s| [s.name.clone(), s.risk_score.to_string(), s.rationale.clone()]);
        table(["Attribute", "Risk (1-10)", "Rationale"], rows.collect())
    });
    blocks.push(Block::Heading("Samples".to_owned()));
    blocks.extend(sample_blocks(&data.samples));
    blocks.push(Block::Heading("Results per attribute".to_owned()));
    blocks.push(if data.results.is_empty() {
        Block::Paragraph("No test was executed.".to_owned())
    } else {
        let rows = data.results.iter().map(|r| {
            let total = r.passed + r.failed + r.inconclusive;
            let rate = (total > 0).then(|| r.passed as f64 * 100.0 / total as f64);
            [
                r.attribute_name.clone(),
                r.passed.to_string(),
                r.failed.to_string(),
                r.inconclusive.to_string(),
                percent(rate),
            ]
        });
        table(["Attribute", "Passed", "Failed", "Inconclusive", "Pass rate"], rows.collect())
    });
    blocks.push(Block::Heading("Observations".to_owned()));
    blocks.push(if data.observations.is_empty() {
        Block::Paragraph("No observations.".to_owned())
    } else {
        let rows = data.observations.iter().enumerate();
        let rows = rows.map(|(i, o)| [(i + 1).to_string(), o.title.clone(), o.severity.clone(), o.status.clone()]);
        table(["#", "Observation", "Severity", "Status"], rows.collect())
    });
    blocks.push(Block::Heading("Sign-offs".to_owned()));
    blocks.push(if data.sign_offs.is_empty() {
        Block::Paragraph("Pending: no sign-off yet.".to_owned())
    } else {
        let rows = data.sign_offs.iter().map(|s| {
            let how = if s.automatic { "automatic (AUTO approval mode)" } else { "in person" };
            [s.role.clone(), s.name.clone(), s.signed_at.clone(), how.to_owned()]
        });
        table(["Role", "Name", "Signed at", "How"], rows.collect())
    });

    Rendered { markdown: markdown(&title, &meta, &blocks), html: html(&title, &meta, &blocks), summary }
}

/// Counts of samples per LOB and category, then the sampled records.
fn sample_blocks(samples: &[SampleLine]) -> Vec<Block> {
    if samples.is_empty() {
        return vec![Block::Paragraph("No sample was selected.".to_owned())];
    }
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for sample in samples {
        *counts.entry((sample.lob_code.as_str(), sample.category.as_str())).or_default() += 1;
    }
    let rows =
        counts.iter().map(|((lob, category), count)| [(*lob).to_owned(), (*category).to_owned(), count.to_string()]);
    let records = samples.iter().map(|s| [s.record_key.clone(), s.lob_code.clone(), s.category.clone()]);
    vec![table(["LOB", "Category", "Samples"], rows.collect()), table(["Record", "LOB", "Category"], records.collect())]
}

fn count_by<'a>(values: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for value in values {
        *counts.entry(value.to_owned()).or_default() += 1;
    }
    counts
}

/// Known severities from most serious, then any unknown spelling alphabetically.
fn ordered_severities(counts: &BTreeMap<String, usize>) -> impl Iterator<Item = (&str, usize)> {
    let known = SEVERITIES.iter().filter_map(|s| counts.get(*s).map(|count| (*s, *count)));
    let unknown = counts.iter().filter(|(s, _)| !SEVERITIES.contains(&s.as_str())).map(|(s, c)| (s.as_str(), *c));
    known.chain(unknown)
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "n/a".to_owned(), |rate| format!("{rate:.1}%"))
}

fn markdown(title: &str, meta: &str, blocks: &[Block]) -> String {
    // Table cells cannot hold a pipe or a line break.
    let cell = |text: &str| text.replace('|', "\\|").replace(['\r', '\n'], " ");
    let mut out = format!("# {}\n\n{}\n", cell(title), cell(meta));
    for block in blocks {
        match block {
            Block::Heading(text) => {
                let _ = write!(out, "\n## {text}\n");
            }
            Block::Paragraph(text) => {
                let _ = write!(out, "\n{text}\n");
            }
            Block::Table { header, rows } => {
                let line = |cells: &[String]| {
                    format!("| {} |\n", cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "))
                };
                out.push('\n');
                out.push_str(&line(header));
                out.push_str(&line(&vec!["---".to_owned(); header.len()]));
                for row in rows {
                    out.push_str(&line(row));
                }
            }
        }
    }
    out
}

fn html(title: &str, meta: &str, blocks: &[Block]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n\
         <style>{CSS}</style>\n</head>\n<body>\n<h1>{0}</h1>\n<p class=\"meta\">{1}</p>\n",
        escape(title),
        escape(meta)
    );
    for block in blocks {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(out, "<h2>{}</h2>", escape(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Block::Table { header, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for cell in header {
                    let _ = write!(out, "<th>{}</th>", escape(cell));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", escape(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes the five characters that are special in HTML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
