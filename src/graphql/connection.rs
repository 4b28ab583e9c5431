//! Relay connections over [`Page`]s: opaque cursors, `pageInfo`, `totalCount`.

use async_graphql::connection::{Connection, CursorType, Edge, EmptyFields};
use async_graphql::{OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{AppError, AppResult};
use crate::services::page::{Page, PageRequest};

/// A position in a list: the id of the row it points at, base64-encoded so clients treat it
/// as opaque.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdCursor(pub i64);

/// A cursor string this server did not make.
#[derive(Debug, thiserror::Error)]
#[error("not a cursor of this list")]
pub struct InvalidCursor;

impl CursorType for IdCursor {
    type Error = InvalidCursor;

    fn decode_cursor(s: &str) -> Result<Self, Self::Error> {
        let invalid = || InvalidCursor;
        let bytes = URL_SAFE_NO_PAD.decode(s).map_err(|_| invalid())?;
        let text = String::from_utf8(bytes).map_err(|_| invalid())?;
        text.strip_prefix("id:").and_then(|n| n.parse().ok()).map(IdCursor).ok_or_else(invalid)
    }

    fn encode_cursor(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("id:{}", self.0))
    }
}

/// Fields every connection has beside edges and page info.
#[derive(Debug, SimpleObject)]
pub struct ConnectionFields {
    /// How many items match, over all pages.
    pub total_count: u64,
}

/// A Relay connection of `T`.
pub type Conn<T> = Connection<IdCursor, T, ConnectionFields, EmptyFields>;

/// The page request of `first`/`after` arguments.
pub fn page_request(first: Option<i32>, after: Option<&str>) -> AppResult<PageRequest> {
    let after = after
        .map(IdCursor::decode_cursor)
        .transpose()
        .map_err(|_| AppError::bad_input("after", "after is not a cursor of this list"))?;
    PageRequest::new(first, after.map(|c| c.0))
}

/// A connection of `page`, each row keyed by `id_of` and shown as `node`.
pub fn connection<M, T: OutputType>(
    page: Page<M>,
    had_cursor: bool,
    id_of: impl Fn(&M) -> i64,
    node: impl Fn(M) -> T,
) -> Conn<T> {
    let mut conn = Connection::with_additional_fields(
        had_cursor,
        page.has_next_page,
        ConnectionFields { total_count: page.total_count },
    );
    conn.edges.extend(page.items.into_iter().map(|m| Edge::new(IdCursor(id_of(&m)), node(m))));
    conn
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_bad_input() {
        let cursor = IdCursor(42).encode_cursor();
        assert_eq!(IdCursor::decode_cursor(&cursor).ok(), Some(IdCursor(42)));
        for garbage in ["", "42", "!!", "aWQ6eA"] {
            assert!(IdCursor::decode_cursor(garbage).is_err(), "{garbage}");
        }
    }
}
