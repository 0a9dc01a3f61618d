//! `GET /v1/customers/`: the list call of `list-customers.md`, newest first,
//! with `limit` (1–100, default 20), `starting_after`, `ending_before`
//! (24-hex customer ids, not both) and `search` (case-insensitive, over
//! `name` and `email`). Answers `{data, total, has_more}`; bad parameters
//! are a 400 in the API's error shape.

use serde::Serialize;
use serde_json::{json, Value};

use crate::error::{ApiError, FieldError};
use crate::store::{Customer, CustomerView, Store};
use crate::util::query_param;

/// The default page size.
pub const DEFAULT_LIMIT: usize = 20;
/// The largest page size.
pub const MAX_LIMIT: usize = 100;

/// `{data, total, has_more}`, customers in documented key order.
#[derive(Serialize)]
pub struct ListBody<'a> {
    data: Vec<CustomerView<'a>>,
    total: usize,
    has_more: bool,
}

/// The query of one list request, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// Page size.
    pub limit: usize,
    /// Items after this id (older).
    pub starting_after: Option<String>,
    /// Items before this id (newer).
    pub ending_before: Option<String>,
    /// Case-insensitive text matched against name and email.
    pub search: Option<String>,
}

fn is_hex_id(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

impl ListQuery {
    /// Reads the raw query string (`None` when there is none); a 400 for
    /// bad parameters.
    pub fn parse(query: Option<&str>) -> Result<Self, ApiError> {
        let mut errors = Vec::new();
        let limit = match query_param(query, "limit") {
            None => DEFAULT_LIMIT,
            Some(raw) => match raw.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) && !raw.starts_with('+') => n,
                _ => {
                    errors.push(FieldError::new(
                        "limit",
                        "limit must be an integer between 1 and 100",
                        json!(raw),
                    ));
                    DEFAULT_LIMIT
                }
            },
        };
        let mut cursor = |name: &str| {
            let value = query_param(query, name)?;
            if !is_hex_id(&value) {
                errors.push(FieldError::new(
                    name,
                    format!("{name} must be a customer id (24 hex characters)"),
                    json!(value),
                ));
            }
            Some(value)
        };
        let starting_after = cursor("starting_after");
        let ending_before = cursor("ending_before");
        if starting_after.is_some() && ending_before.is_some() {
            errors.push(FieldError::new(
                "ending_before",
                "ending_before cannot be combined with starting_after",
                json!(ending_before),
            ));
        }
        if !errors.is_empty() {
            return Err(ApiError::validation("Invalid query parameters", errors));
        }
        let search = query_param(query, "search").filter(|s| !s.is_empty());
        Ok(ListQuery {
            limit,
            starting_after,
            ending_before,
            search,
        })
    }
}

/// Whether `customer` matches `search` (case-insensitive, name or email).
pub fn matches(customer: &Customer, search: &str) -> bool {
    let needle = search.to_lowercase();
    ["name", "email"].iter().any(|key| {
        customer
            .get(*key)
            .and_then(Value::as_str)
            .is_some_and(|v| v.to_lowercase().contains(&needle))
    })
}

/// One page of `store` for `query`: the customers and `has_more`, and the
/// total matching; a 400 for a cursor naming no customer of the result.
pub fn page<'a>(store: &'a Store, query: &ListQuery) -> Result<ListBody<'a>, ApiError> {
    let all: Vec<&Customer> = store
        .newest_first()
        .into_iter()
        .filter(|c| query.search.as_deref().is_none_or(|s| matches(c, s)))
        .collect();
    let total = all.len();
    let position = |param: &str, id: &str| {
        all.iter()
            .position(|c| c.get("id").and_then(Value::as_str) == Some(id))
            .ok_or_else(|| {
                ApiError::validation(
                    "Invalid query parameters",
                    vec![FieldError::new(param, "No such customer", json!(id))],
                )
            })
    };
    let (start, end, has_more) = if let Some(id) = &query.ending_before {
        let end = position("ending_before", id)?;
        let start = end.saturating_sub(query.limit);
        (start, end, start > 0)
    } else {
        let start = match &query.starting_after {
            Some(id) => position("starting_after", id)? + 1,
            None => 0,
        };
        let end = (start + query.limit).min(total);
        (start, end, end < total)
    };
    Ok(ListBody {
        data: all[start..end].iter().map(|c| CustomerView(c)).collect(),
        total,
        has_more,
    })
}
