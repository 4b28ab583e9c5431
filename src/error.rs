//! The one error type of the API. Services return it; the GraphQL layer turns it into an error
//! with `extensions.code`. Internal causes are logged where they are converted and never sent.

use async_graphql::ErrorExtensions;
use sea_orm::{DbErr, SqlErr};

/// What went wrong, in the terms a client can act on.
///
/// Deliberately not `Display`: async-graphql turns any `Display` error into an error without a
/// code, so the only way out of a resolver is the conversion below, which sets one.
#[derive(Debug)]
pub enum AppError {
    /// No valid bearer token.
    Unauthenticated(&'static str),
    /// The caller's role or assignment does not allow this.
    Forbidden(String),
    /// The input is wrong; `field` names the argument when there is one.
    BadInput { field: Option<&'static str>, message: String },
    /// The thing asked for does not exist (or is not visible to the caller).
    NotFound(String),
    /// The request clashes with the current state (duplicate, already running, already decided).
    Conflict(String),
    /// A service this one depends on is unreachable.
    Unavailable(String),
    /// Anything else; the cause is logged, the client sees a generic message.
    Internal(anyhow::Error),
}

/// Result of the API's services.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// A bad-input error on a named argument.
    pub fn bad_input(field: &'static str, message: impl Into<String>) -> Self {
        Self::BadInput { field: Some(field), message: message.into() }
    }

    /// The message sent to the client.
    pub fn message(&self) -> String {
        match self {
            Self::Unauthenticated(m) => (*m).to_owned(),
            Self::Forbidden(m) | Self::Conflict(m) | Self::Unavailable(m) => m.clone(),
            Self::BadInput { message, .. } => message.clone(),
            Self::NotFound(what) => format!("{what} not found"),
            Self::Internal(_) => "internal server error".to_owned(),
        }
    }

    /// The `extensions.code` this error carries.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::BadInput { .. } => "BAD_USER_INPUT",
            Self::NotFound(_) => "NOT_FOUND",
            Self::Conflict(_) => "CONFLICT",
            Self::Unavailable(_) => "UNAVAILABLE",
            Self::Internal(_) => "INTERNAL_SERVER_ERROR",
        }
    }
}

impl From<DbErr> for AppError {
    /// Constraint violations are the client's doing and say so; every other database error is
    /// internal, except a lost connection, which is the database being unavailable.
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                return Self::Conflict("that already exists".to_owned());
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                return Self::BadInput { field: None, message: "a referenced record does not exist".to_owned() };
            }
            _ => {}
        }
        match err {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => Self::Unavailable("the database is unavailable".to_owned()),
            other => Self::Internal(other.into()),
        }
    }
}

impl From<crate::auth::AuthError> for AppError {
    fn from(err: crate::auth::AuthError) -> Self {
        use crate::auth::AuthError;
        Self::Unauthenticated(match err {
            AuthError::Missing => "missing bearer token",
            AuthError::Expired => "token expired",
            AuthError::Invalid => "invalid token",
        })
    }
}

impl From<anyhow::Error> for AppError {
    fn from(err: anyhow::Error) -> Self {
        Self::Internal(err)
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        if let AppError::Internal(cause) = &err {
            tracing::error!(error = ?cause, "internal error");
        }
        let code = err.code();
        let field = match &err {
            AppError::BadInput { field, .. } => *field,
            _ => None,
        };
        async_graphql::Error::new(err.message()).extend_with(|_, ext| {
            ext.set("code", code);
            if let Some(field) = field {
                ext.set("field", field);
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(err: AppError) -> String {
        let gql: async_graphql::Error = err.into();
        let ext = gql.extensions.expect("extensions are set");
        match ext.get("code") {
            Some(async_graphql::Value::String(code)) => code.clone(),
            other => panic!("no code: {other:?}"),
        }
    }

    #[test]
    fn every_error_maps_to_its_code() {
        assert_eq!(code_of(AppError::Unauthenticated("x")), "UNAUTHENTICATED");
        assert_eq!(code_of(AppError::Forbidden("x".into())), "FORBIDDEN");
        assert_eq!(code_of(AppError::bad_input("name", "x")), "BAD_USER_INPUT");
        assert_eq!(code_of(AppError::NotFound("cycle 1".into())), "NOT_FOUND");
        assert_eq!(code_of(AppError::Conflict("x".into())), "CONFLICT");
        assert_eq!(code_of(AppError::Unavailable("x".into())), "UNAVAILABLE");
        assert_eq!(code_of(AppError::Internal(anyhow::anyhow!("secret detail"))), "INTERNAL_SERVER_ERROR");
    }

    #[test]
    fn internal_detail_is_not_sent() {
        let gql: async_graphql::Error = AppError::Internal(anyhow::anyhow!("password=hunter2")).into();
        assert_eq!(gql.message, "internal server error");
    }

    #[test]
    fn bad_input_names_its_field() {
        let gql: async_graphql::Error = AppError::bad_input("endDate", "before start").into();
        let ext = gql.extensions.expect("extensions are set");
        assert_eq!(ext.get("field"), Some(&async_graphql::Value::from("endDate")));
    }
}
