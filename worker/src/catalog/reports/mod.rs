//! The catalogue's reports, one file each; this file only lists them in their stable order.

mod ffiec_031;
mod fr_y14m_credit_card;
mod fr_y14m_first_lien;
mod fr_y14q_corporate_loan;
mod fr_y9c;

use super::ReportSpec;

pub(super) static ALL: &[ReportSpec] = &[
    fr_y14m_first_lien::REPORT,
    fr_y14m_credit_card::REPORT,
    fr_y14q_corporate_loan::REPORT,
    fr_y9c::REPORT,
    ffiec_031::REPORT,
];

/// Shared by the FR Y-14 schedules.
const FR_Y14_REGULATION: &str = "Capital Assessments and Stress Testing: Dodd-Frank Act section 165 \
     (12 U.S.C. 5365), Regulation YY (12 CFR 252) and the capital plan rule (12 CFR 225.8)";
