//! `GET /v1/customers/`: the list call of `list-customers.md`, newest first,
//! with `limit` (1–100, default 20), `starting_after`, `ending_before`
//! (24-hex customer ids, not both) and `search` (case-insensitive, over
//! `name` and `email`). Answers `{data, total, has_more}`; bad parameters
//! are a 400 in the API's error shape.

use serde::Serialize;
use serde_json::{json, Value};

use crate::error::{ApiError, FieldError};
use crate::store::{Customer, CustomerView, Listed, Store};
use crate::util::{is_object_id, query_param};

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
            if !is_object_id(&value) {
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

/// A 400 on the cursor `param`: its id names no customer.
fn no_such_customer(param: &str, id: &str) -> ApiError {
    ApiError::validation(
        "Invalid query parameters",
        vec![FieldError::new(param, "No such customer", json!(id))],
    )
}

/// One page of `store` for `query`: the customers and `has_more`, and the
/// total matching. A cursor is a customer id: the page is the customers
/// matching the search right after (`starting_after`) or before
/// (`ending_before`) that customer in the store's order, newest first,
/// whether or not the cursor's customer matches the search itself (a job
/// that edits the field it searched for keeps paging). Ids compare as
/// ObjectIds, whatever the case of their hex digits. A cursor naming no
/// customer is a 400 on its parameter.
///
/// Costs time logarithmic in the store, plus the page (with a search: one
/// scan of the store, to count `total`).
pub fn page<'a>(store: &'a Store, query: &ListQuery) -> Result<ListBody<'a>, ApiError> {
    let needle = query.search.as_deref().map(str::to_lowercase);
    let hit = |c: &Listed| needle.as_deref().is_none_or(|n| c.matches_lower(n));
    let total = match &needle {
        None => store.len(),
        Some(_) => store.unordered().filter(hit).count(),
    };
    let limit = query.limit;
    let (data, has_more) = if let Some(id) = &query.ending_before {
        let newer = store
            .newer_than(id)
            .ok_or_else(|| no_such_customer("ending_before", id))?;
        // From the cursor up, the nearest first; then newest first.
        let mut hits = newer.rev().filter(hit);
        let mut data: Vec<Listed> = hits.by_ref().take(limit).collect();
        data.reverse();
        (data, hits.next().is_some())
    } else {
        let mut hits: Box<dyn Iterator<Item = Listed>> = match &query.starting_after {
            Some(id) => Box::new(
                store
                    .older_than(id)
                    .ok_or_else(|| no_such_customer("starting_after", id))?
                    .filter(hit),
            ),
            None => Box::new(store.listed().filter(hit)),
        };
        let data: Vec<Listed> = hits.by_ref().take(limit).collect();
        (data, hits.next().is_some())
    };
    Ok(ListBody {
        data: data
            .into_iter()
            .map(|c| CustomerView(c.customer()))
            .collect(),
        total,
        has_more,
    })
}
