//! Keyset pagination by id, newest first: stable under inserts, one count and one page query.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use crate::error::{AppError, AppResult};

/// Most rows one page may hold.
pub const MAX_PAGE_SIZE: u64 = 100;
/// Rows in a page when the client does not say.
pub const DEFAULT_PAGE_SIZE: u64 = 20;

/// A validated request for one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// How many rows.
    pub first: u64,
    /// Only rows with an id below this one (the last id of the previous page).
    pub after: Option<i64>,
}

impl PageRequest {
    /// Checks `first` against the cap; a negative or oversized page is the client's error.
    pub fn new(first: Option<i32>, after: Option<i64>) -> AppResult<Self> {
        let first = match first {
            None => DEFAULT_PAGE_SIZE,
            Some(n) if n < 0 => return Err(AppError::bad_input("first", "first must not be negative")),
            Some(n) if n as u64 > MAX_PAGE_SIZE => {
                return Err(AppError::bad_input("first", format!("first may be at most {MAX_PAGE_SIZE}")));
            }
            Some(n) => n as u64,
        };
        Ok(Self { first, after })
    }
}

/// One page of rows with what a Relay connection needs.
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The rows, newest first.
    pub items: Vec<T>,
    /// Whether rows follow this page.
    pub has_next_page: bool,
    /// Rows matching the filter, over all pages.
    pub total_count: u64,
}

impl<T> Page<T> {
    /// Applies `f` to every row.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            has_next_page: self.has_next_page,
            total_count: self.total_count,
        }
    }
}

/// The page `request` asks for of `select`, ordered by `id` descending.
pub async fn fetch<E, C>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    id: C,
    request: PageRequest,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ColumnTrait,
{
    let total_count = select.clone().count(db).await?;
    let mut select = select.order_by_desc(id).limit(request.first + 1);
    if let Some(after) = request.after {
        select = select.filter(id.lt(after));
    }
    let mut items = select.all(db).await?;
    let has_next_page = items.len() as u64 > request.first;
    items.truncate(request.first as usize);
    Ok(Page { items, has_next_page, total_count })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_size_is_capped_and_defaulted() {
        assert_eq!(PageRequest::new(None, None).map(|p| p.first).ok(), Some(DEFAULT_PAGE_SIZE));
        assert_eq!(PageRequest::new(Some(100), None).map(|p| p.first).ok(), Some(100));
        assert!(PageRequest::new(Some(101), None).is_err());
        assert!(PageRequest::new(Some(-1), None).is_err());
    }
}
