//! Phase 5, Request for Information: test cases (samples × in-scope attributes), one request per
//! data owner with a due date, and an in-app notification for each.

use sea_orm::{ConnectionTrait, FromQueryResult};
use serde::{Deserialize, Serialize};

use super::{IN_SCOPE_ATTRIBUTES, PhaseInput, PhaseResult, ScopedAttribute, value_text};
use crate::sql::{exec, insert_batch, rows};

#[derive(Debug, FromQueryResult)]
struct SampleRow {
    id: i64,
    lob_id: i64,
    reported_values: serde_json::Value,
}

#[derive(Debug, FromQueryResult)]
struct Assignment {
    attribute_id: i64,
    lob_id: i64,
    data_owner_id: Option<i64>,
}

/// A request as stored.
#[derive(Debug, FromQueryResult)]
struct StoredRequest {
    id: i64,
    data_owner_id: i64,
}

/// A test case to store.
#[derive(Debug, Serialize)]
struct NewCase {
    sample_id: i64,
    attribute_id: i64,
    information_request_id: Option<i64>,
    data_owner_id: Option<i64>,
    reported_value: Option<String>,
}

/// A request sent to one data owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedRequest {
    pub information_request_id: i64,
    pub data_owner_id: i64,
    pub test_cases: i64,
}

/// Builds test cases and sends the requests; returns one entry per data owner asked.
pub async fn issue(db: &impl ConnectionTrait, input: &PhaseInput, due_days: u32) -> PhaseResult<Vec<IssuedRequest>> {
    let attributes: Vec<ScopedAttribute> = rows(db, IN_SCOPE_ATTRIBUTES, vec![input.cycle_report_id.into()]).await?;
    let samples: Vec<SampleRow> = rows(
        db,
        "SELECT s.id, s.lob_id, sr.reported_values FROM sample s
         JOIN source_record sr ON sr.id = s.source_record_id
         WHERE s.cycle_report_id = $1 AND s.status <> 'REJECTED'
           AND s.version = (SELECT max(version) FROM sample WHERE cycle_report_id = $1)
         ORDER BY s.id",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    let assignments: Vec<Assignment> = rows(
        db,
        "SELECT attribute_id, lob_id, data_owner_id FROM data_owner_assignment WHERE cycle_report_id = $1",
        vec![input.cycle_report_id.into()],
    )
    .await?;
    let owner_of = |attribute: i64, lob: i64| {
        assignments.iter().find(|a| a.attribute_id == attribute && a.lob_id == lob).and_then(|a| a.data_owner_id)
    };
    let mut owners: Vec<i64> = Vec::new();
    for sample in &samples {
        for attribute in &attributes {
            if let Some(owner) = owner_of(attribute.id, sample.lob_id)
                && !owners.contains(&owner)
            {
                owners.push(owner);
            }
        }
    }
    // One request per data owner, all in one statement (a retry keeps the first due date).
    let stored: Vec<StoredRequest> = rows(
        db,
        "INSERT INTO information_request (cycle_report_id, data_owner_id, due_at)
         SELECT $1, owner, now() + make_interval(days => $3) FROM unnest($2::bigint[]) AS owner
         ON CONFLICT (cycle_report_id, data_owner_id) DO UPDATE SET due_at = information_request.due_at
         RETURNING id, data_owner_id",
        vec![input.cycle_report_id.into(), owners.clone().into(), i32::try_from(due_days).unwrap_or(5).into()],
    )
    .await?;
    let mut issued: Vec<IssuedRequest> = owners
        .iter()
        .filter_map(|&owner| {
            let request = stored.iter().find(|r| r.data_owner_id == owner)?;
            Some(IssuedRequest { information_request_id: request.id, data_owner_id: owner, test_cases: 0 })
        })
        .collect();
    let mut cases = Vec::with_capacity(samples.len() * attributes.len());
    for sample in &samples {
        for attribute in &attributes {
            let owner = owner_of(attribute.id, sample.lob_id);
            let request = owner.and_then(|o| issued.iter_mut().find(|r| r.data_owner_id == o));
            let request_id = request.map(|r| {
                r.test_cases += 1;
                r.information_request_id
            });
            cases.push(NewCase {
                sample_id: sample.id,
                attribute_id: attribute.id,
                information_request_id: request_id,
                data_owner_id: owner,
                reported_value: value_text(sample.reported_values.get(&attribute.name)),
            });
        }
    }
    insert_batch(
        db,
        "INSERT INTO test_case (cycle_report_id, sample_id, attribute_id, information_request_id, data_owner_id,
                reported_value)
         SELECT $2, x.sample_id, x.attribute_id, x.information_request_id, x.data_owner_id, x.reported_value
         FROM jsonb_to_recordset($1::jsonb) AS x(sample_id bigint, attribute_id bigint, information_request_id bigint,
                                          data_owner_id bigint, reported_value text)
         ON CONFLICT (sample_id, attribute_id) DO NOTHING",
        &cases,
        [input.cycle_report_id.into()],
    )
    .await?;
    // Every owner's notification in one statement.
    exec(
        db,
        "INSERT INTO notification (user_id, notification_key, kind, subject, body, link)
         SELECT x.owner, 'rfi:' || x.request, 'RFI', 'Request for information: ' || r.report_number,
                'Please submit evidence for ' || x.cases || ' test cases of ' || r.name || '.', $5
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS x(owner, request, cases)
         CROSS JOIN report r WHERE r.id = $4
         ON CONFLICT (notification_key) DO NOTHING",
        vec![
            issued.iter().map(|r| r.data_owner_id).collect::<Vec<_>>().into(),
            issued.iter().map(|r| r.information_request_id).collect::<Vec<_>>().into(),
            issued.iter().map(|r| r.test_cases).collect::<Vec<_>>().into(),
            input.report_id.into(),
            super::INBOX_LINK.into(),
        ],
    )
    .await?;
    Ok(issued)
}
