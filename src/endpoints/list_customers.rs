//! `GET /v1/customers/`: one page of customers, newest first
//! (`list-customers.md`), optionally filtered by `search` (case-insensitive,
//! over name and email) and positioned by a cursor (`starting_after` or
//! `ending_before`, a customer id).

use super::{encode_path_segment, HttpRequest, Metadata};
use crate::config::ClientConfig;
use crate::error::{
    Error, ErrorKind, FieldError, ProblemCode, ResponseBody, ResponseMeta, Wording,
};
use crate::text::text;
use crate::value::{Map, Value};

/// `GET`, safe to repeat.
pub static METADATA: Metadata = Metadata {
    method: "GET",
    path: "/v1/customers/",
    idempotent: true,
};

/// The smallest and largest page size the API accepts.
pub const LIMIT_RANGE: std::ops::RangeInclusive<u32> = 1..=100;

/// The parameters, each as the package names it (camelCase) and as the API
/// names it on the wire (snake_case): the one table both follow.
pub const PARAMS: [(&str, &str); 4] = [
    ("search", "search"),
    ("limit", "limit"),
    ("startingAfter", "starting_after"),
    ("endingBefore", "ending_before"),
];

/// The query of `listCustomers` (`GET /v1/customers/`); sent with the
/// API's own names (`starting_after`, ...). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
pub struct ListParams {
    /// Case-insensitive text matched against the customer's name and email.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | undefined"))]
    pub search: Option<String>,
    /// Customers per page: an integer from 1 to 100 (the API's default: 20).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | undefined"))]
    pub limit: Option<u32>,
    /// The page after this customer id (older customers); not with
    /// `endingBefore`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | undefined"))]
    pub starting_after: Option<String>,
    /// The page before this customer id (newer customers); not with
    /// `startingAfter`.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | undefined"))]
    pub ending_before: Option<String>,
}

impl ListParams {
    /// Every problem that makes the API refuse these parameters: a limit
    /// outside 1–100, a cursor that is not 24 hex characters, both cursors.
    /// Params are named as the package names them (`startingAfter`).
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        if let Some(limit) = self.limit {
            if !LIMIT_RANGE.contains(&limit) {
                problems.push(limit_problem(Value::Number(f64::from(limit))));
            }
        }
        for (param, cursor) in [
            ("startingAfter", &self.starting_after),
            ("endingBefore", &self.ending_before),
        ] {
            if let Some(id) = cursor {
                if !is_customer_id(id) {
                    problems.push(
                        FieldError::problem(
                            ProblemCode::InvalidCustomerId,
                            param,
                            "A cursor is a customer id: 24 hex characters",
                            Value::String(id.clone()),
                        )
                        .with_wording(Wording::Cursor),
                    );
                }
            }
        }
        if let (Some(_), Some(before)) = (&self.starting_after, &self.ending_before) {
            problems.push(
                FieldError::problem(
                    ProblemCode::InvalidInput,
                    "endingBefore",
                    "startingAfter and endingBefore cannot be combined: page forwards or backwards",
                    Value::String(before.clone()),
                )
                .with_wording(Wording::CursorsCombined),
            );
        }
        problems
    }

    /// The same query, from the page after customer `id`.
    pub fn after(&self, id: &str) -> Self {
        ListParams {
            starting_after: Some(id.to_owned()),
            ending_before: None,
            ..self.clone()
        }
    }

    /// The same query, from the page before customer `id`.
    pub fn before(&self, id: &str) -> Self {
        ListParams {
            starting_after: None,
            ending_before: Some(id.to_owned()),
            ..self.clone()
        }
    }

    /// The query string (with its `?`, or empty), names as the API spells
    /// them ([`PARAMS`]), values percent-encoded.
    pub fn query(&self) -> String {
        let limit = self.limit.map(|l| text!(l));
        let values = [
            self.search.as_deref(),
            limit.as_deref(),
            self.starting_after.as_deref(),
            self.ending_before.as_deref(),
        ];
        let pairs: Vec<String> = PARAMS
            .iter()
            .zip(values)
            .filter_map(|((_, wire), value)| Some(text!(wire, '=', encode_path_segment(value?))))
            .collect();
        match pairs.is_empty() {
            true => String::new(),
            false => text!('?', pairs.join("&")),
        }
    }

    /// The parameters as the package names them, for a page's `params`.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        let limit = self.limit.map(|l| Value::Number(f64::from(l)));
        let values = [
            self.search.clone().map(Value::String),
            limit,
            self.starting_after.clone().map(Value::String),
            self.ending_before.clone().map(Value::String),
        ];
        for ((name, _), value) in PARAMS.iter().zip(values) {
            if let Some(value) = value {
                map.insert(*name, value);
            }
        }
        Value::Object(map)
    }
}

/// The problem for a `limit` that is not an integer in 1–100.
pub fn limit_problem(value: Value) -> FieldError {
    FieldError::problem(
        ProblemCode::InvalidInput,
        "limit",
        "Expected an integer from 1 to 100 (customers per page)",
        value,
    )
    .with_wording(Wording::ListLimit)
}

/// 24 hex characters, the API's id pattern `^[0-9a-fA-F]{24}$`.
pub fn is_customer_id(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Builds the request. Fails with a `validation` error, before anything is
/// sent, for parameters the API refuses ([`ListParams::problems`]).
pub fn request(config: &ClientConfig, params: &ListParams) -> Result<HttpRequest, Error> {
    let problems = params.problems();
    if !problems.is_empty() {
        return Err(Error::validation(problems));
    }
    let path = text!(METADATA.path, params.query());
    Ok(HttpRequest::new(config, &METADATA, &path, None))
}

/// One page of the list, as the server sent it.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The customers, each as the server sent it (unknown fields included),
    /// and each checked to be a customer.
    pub data: Vec<Value>,
    /// How many customers match the query, across every page.
    pub total: f64,
    /// Whether customers exist beyond this page, in the direction paged.
    pub has_more: bool,
}

impl Page {
    /// The id of the first and of the last customer of the page.
    pub fn ends(&self) -> Option<(String, String)> {
        let id = |c: &Value| match c {
            Value::Object(map) => match map.get("id") {
                Some(Value::String(id)) => Some(id.clone()),
                _ => None,
            },
            _ => None,
        };
        Some((id(self.data.first()?)?, id(self.data.last()?)?))
    }

    /// The query of the next page (older customers), if there is one:
    /// paged forwards, when the server said `has_more`; paged backwards
    /// (`ending_before`), always, since the cursor had customers after it.
    pub fn next_params(&self, params: &ListParams) -> Option<ListParams> {
        let (_, last) = self.ends()?;
        let more = match params.ending_before {
            Some(_) => true,
            None => self.has_more,
        };
        more.then(|| params.after(&last))
    }

    /// The query of the page iteration (`for await`, `iterPages()`) goes on
    /// with: in the direction `params` pages, as Stainless SDKs page on a
    /// `before_id` query. Paged backwards (`ending_before`: the customers
    /// newer than the cursor), the previous (newer) page; otherwise the
    /// next (older) one. Each page's customers stay newest first.
    pub fn onward_params(&self, params: &ListParams) -> Option<ListParams> {
        match params.ending_before {
            Some(_) => self.previous_params(params),
            None => self.next_params(params),
        }
    }

    /// The query of the previous page (newer customers), if there is one:
    /// paged backwards, when the server said `has_more`; paged forwards,
    /// whenever the page started after a cursor.
    pub fn previous_params(&self, params: &ListParams) -> Option<ListParams> {
        let (first, _) = self.ends()?;
        let more = match (&params.ending_before, &params.starting_after) {
            (Some(_), _) => self.has_more,
            (None, Some(_)) => true,
            (None, None) => false,
        };
        more.then(|| params.before(&first))
    }
}

/// Reads a list response: a 2xx with `{data: Customer[], total, has_more}`
/// gives the [`Page`], every customer checked as `getCustomer` checks one
/// (unknown fields kept); anything else gives a typed [`Error`].
pub fn parse_response(
    status: u16,
    body: impl Into<ResponseBody>,
    meta: ResponseMeta,
) -> Result<Page, Error> {
    let body = body.into();
    if !(200..300).contains(&status) {
        return Err(Error::from_response(status, body, meta));
    }
    let not_json = matches!(body, ResponseBody::Empty | ResponseBody::Text(_));
    let lone = body.lone_surrogate().map(super::lone_surrogate);
    let body = body.into_value();
    let invalid = |message: String, body: Option<Value>| Error {
        status: Some(status),
        body: body.map(Box::new),
        request_id: meta.request_id.clone(),
        ..Error::new(ErrorKind::InvalidResponse, message)
    };
    if let Some(message) = lone {
        return Err(invalid(message, body));
    }
    let envelope = match &body {
        Some(Value::Object(envelope)) => envelope,
        None => return Err(invalid("The response body is empty".to_owned(), body)),
        Some(_) if not_json => {
            return Err(invalid("The response body is not JSON".to_owned(), body))
        }
        Some(other) => {
            let message = text!("Expected a JSON object, got ", other.type_name());
            return Err(invalid(message, body));
        }
    };
    let shape = (
        envelope.get("data"),
        envelope.get("total"),
        envelope.get("has_more"),
    );
    let (Some(Value::Array(data)), Some(Value::Number(total)), Some(Value::Bool(has_more))) = shape
    else {
        let message =
            "The response is not a page: expected {data: [...], total: number, has_more: boolean}";
        return Err(invalid(message.to_owned(), body));
    };
    for (i, customer) in data.iter().enumerate() {
        let problem = match customer {
            Value::Object(_) => super::stored_customer(customer).err(),
            other => Some(text!("expected an object, got ", other.type_name())),
        };
        if let Some(problem) = problem {
            let message = text!("The response's data[", i, "] is not a customer: ", problem);
            return Err(invalid(message, body));
        }
    }
    let (data, total, has_more) = (data.clone(), *total, *has_more);
    Ok(Page {
        data,
        total,
        has_more,
    })
}
