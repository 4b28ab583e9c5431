//! Who is calling, and what their role lets them do. Tokens are checked without a database round
//! trip; rights are decided in [`policy`], the one place that knows the role table of DOMAIN.md.

pub mod jwt;
pub mod password;
pub mod policy;

use entity::enums::Role;

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    /// The user's id (`sub` of the token).
    pub user_id: i64,
    /// The role the token was issued for.
    pub role: Role,
}

/// Why a request carries no usable identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("missing bearer token")]
    Missing,
    #[error("token expired")]
    Expired,
    #[error("invalid token")]
    Invalid,
}

/// The identity of one request: a viewer, or the reason there is none.
pub type Identity = Result<Viewer, AuthError>;
