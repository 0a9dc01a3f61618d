//! The test kit's WebAssembly module, loaded only by the package entry
//! `checkoutpage-client/testing` (never by the main entry): the API imitation
//! of the `checkoutpage-imitation` crate, the same one the sandbox server
//! runs, behind a thin `#[wasm_bindgen]` glue. Values cross as JSON text;
//! the typed, documented API is the JavaScript wrapper (`npm/testing/`).
//!
//! No clock and no timers here: the wrapper passes the time in and carries
//! out delays and network failures.
#![deny(missing_docs)]

#[cfg(target_arch = "wasm32")]
mod memory;

use checkoutpage_imitation::error::ApiError;
use checkoutpage_imitation::store::{
    check_fixture, fill_server_fields, seed_customers, Customer, CustomerView,
};
use checkoutpage_imitation::{cors, Access, Api, Options, Outcome, Reply, Request};
use std::collections::HashSet;
use std::num::NonZeroU32;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::error::Category;
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

/// Options as JSON, as the wrapper sends them (`createFakeApi` in
/// npm/testing/index.js, which checks the caller's options first): `{"customers"?:
/// [...] | null, "keys"?: {"key": "readWrite" | "readOnly"} | null,
/// "rateLimitPerMinute"?: N | null, "idSeed"?: N | null, "nowMs"?: N}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OptionsJson {
    /// The starting customers, checked one by one (errors name the index).
    #[serde(default, deserialize_with = "customers")]
    customers: Option<Vec<Value>>,
    /// Key → access, checked one by one (errors name the key).
    #[serde(default, deserialize_with = "keys")]
    keys: Option<Map<String, Value>>,
    #[serde(default, deserialize_with = "rate_limit")]
    rate_limit_per_minute: Option<NonZeroU32>,
    #[serde(default, deserialize_with = "id_seed")]
    id_seed: Option<u64>,
    /// The time the starting customers are created at.
    #[serde(default)]
    now_ms: Option<f64>,
}

/// `T`, or an error saying `message` (which names the option).
fn read_or<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
    message: &str,
) -> Result<T, D::Error> {
    T::deserialize(d).map_err(|_| D::Error::custom(message))
}
fn customers<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Value>>, D::Error> {
    read_or(d, "options.customers must be an array of customer objects")
}
fn keys<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Map<String, Value>>, D::Error> {
    read_or(
        d,
        "options.keys must be an object of key → \"readWrite\" | \"readOnly\"",
    )
}
fn rate_limit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NonZeroU32>, D::Error> {
    read_or(
        d,
        "options.rateLimitPerMinute must be a positive integer or null",
    )
}
fn id_seed<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    read_or(d, "options.idSeed must be a non-negative integer")
}

/// What a key may do, as the wrapper names it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
enum AccessJson {
    ReadWrite,
    ReadOnly,
}

/// A 400's field errors as `param: message; ...`.
fn details(error: &ApiError) -> String {
    let detail: Vec<String> = (error.errors.iter())
        .map(|f| format!("{}: {}", f.param, f.message))
        .collect();
    detail.join("; ")
}

/// [`OptionsJson`] read into the imitation's [`Options`]; errors name the option.
fn parse_options(json: &str) -> Result<Options, String> {
    // Through a Value: the kit's wasm carries Value's deserializer anyway; a
    // second, text-driven one for this struct is half a kilobyte more.
    let options = serde_json::from_str::<Value>(json).and_then(OptionsJson::deserialize);
    let options: OptionsJson = options.map_err(|e| {
        // The message without serde_json's " at line 1 column N".
        match e.classify() {
            Category::Data => e
                .to_string()
                .rsplit_once(" at line ")
                .map_or_else(|| e.to_string(), |(message, _)| message.to_owned()),
            _ => format!("options: {e}"),
        }
    })?;
    let mut out = Options::default();
    if let Some(items) = options.customers {
        // Stored as the API would have stored them (check_fixture), with the
        // server's fields filled in at creation time.
        let now_ms = options.now_ms.unwrap_or(0.0) as i64;
        let mut customers: Vec<Customer> = Vec::with_capacity(items.len());
        let mut ids = HashSet::new();
        for (i, item) in items.into_iter().enumerate() {
            let Value::Object(fields) = item else {
                return Err(format!(
                    "options.customers[{i}] must be an object (a customer with an id and an email)"
                ));
            };
            let label = match fields.get("id") {
                Some(Value::String(id)) => format!(" ({id})"),
                Some(_) => String::new(),
                None => {
                    return Err(format!(
                        "options.customers[{i}]: id: Required: a customer id (24 hex characters, e.g. 6650a1b2c3d4e5f601234567)"
                    ))
                }
            };
            let mut customer = check_fixture(fields)
                .map_err(|e| format!("options.customers[{i}]{label}: {}", details(&e)))?;
            let id = customer
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if !ids.insert(id.to_owned()) {
                return Err(format!("options.customers[{i}]: id {id:?} is given twice"));
            }
            fill_server_fields(&mut customer, now_ms);
            customers.push(customer);
        }
        out.customers = Some(customers);
    }
    if let Some(keys) = options.keys {
        out.keys = Vec::new();
        for (key, access) in keys {
            let access = match serde_json::from_value(access) {
                Ok(AccessJson::ReadWrite) => Access::ReadWrite,
                Ok(AccessJson::ReadOnly) => Access::ReadOnly,
                Err(_) => {
                    return Err(format!(
                        "options.keys[{key:?}] must be \"readWrite\" or \"readOnly\""
                    ))
                }
            };
            out.keys.push((key, access));
        }
    }
    out.rate_limit_per_minute = options.rate_limit_per_minute.map(NonZeroU32::get);
    out.id_seed = options.id_seed.unwrap_or(0);
    Ok(out)
}

/// Declares the kit's fault kinds once: the serde type they are read into
/// (`{ kind, ...fields }`, no other field), and [`FAULT_KINDS`] (each kind
/// with its fields, for the wrapper's checks and messages and the test that
/// ties the `FakeFault` union of `npm/testing/index.d.ts` to them).
macro_rules! kit_faults {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident $kind:literal { $($field:ident $name:literal),* $(,)? }
    )*) => {
        /// Every kind of fault the kit takes, with its fields besides `kind`:
        $($(#[doc = $doc])* #[doc = concat!("`", $kind, "`.")])*
        pub const FAULT_KINDS: &[(&str, &[&str])] = &[$(($kind, &[$($name),*])),*];
    };
}

kit_faults! {
    /// 429 `rate_limit` with `Retry-After` (default 0: retried at once):
    RateLimit "rateLimit" { retry_after "retryAfter", message "message" }
    /// 400 `validation_error` with these `errors`:
    ValidationError "validationError" { errors "errors", message "message" }
    /// `status` (default 500) with the error body:
    ServerError "serverError" { status "status", message "message" }
    /// Any status with the API's error body:
    Status "status" { status "status", retry_after "retryAfter", message "message", errors "errors" }
    /// 502 with an nginx HTML page:
    Html502 "html502" {}
    /// 200 with truncated JSON:
    Malformed200 "malformed200" {}
    /// 200 with JSON that is not a customer:
    WrongShape200 "wrongShape200" {}
    /// Exactly this status, content type and body:
    Raw "raw" { status "status", content_type "contentType", body "body" }
    /// Wait `ms`, then answer normally:
    Delay "delay" { ms "ms" }
    /// No response:
    NetworkError "networkError" {}
    /// Someone else saves `patch` just before the request:
    ConcurrentEdit "concurrentEdit" { patch "patch" }
}

/// A fault as the kit documents it (`FakeFault`), read with serde: every
/// field any kind has ([`FAULT_KINDS`] says which kind has which), and no
/// other.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct KitFault {
    kind: String,
    retry_after: Option<Value>,
    message: Option<String>,
    errors: Option<Value>,
    status: Option<Value>,
    content_type: Option<String>,
    body: Option<Value>,
    ms: Option<Value>,
    patch: Option<Value>,
}

impl KitFault {
    /// Reads a fault: a kind of [`FAULT_KINDS`], with its fields and no other.
    fn read(fault: &Value) -> Result<KitFault, String> {
        let fault = KitFault::deserialize(fault).map_err(|e| e.to_string())?;
        let kind = FAULT_KINDS.iter().find(|(kind, _)| *kind == fault.kind);
        let Some((_, fields)) = kind else {
            return Err(format!("unknown fault kind {:?}", fault.kind));
        };
        let given = [
            ("retryAfter", fault.retry_after.is_some()),
            ("message", fault.message.is_some()),
            ("errors", fault.errors.is_some()),
            ("status", fault.status.is_some()),
            ("contentType", fault.content_type.is_some()),
            ("body", fault.body.is_some()),
            ("ms", fault.ms.is_some()),
            ("patch", fault.patch.is_some()),
        ];
        match given
            .iter()
            .find(|(name, given)| *given && !fields.contains(name))
        {
            Some((name, _)) => Err(format!("fault {} has no field {name:?}", fault.kind)),
            None => Ok(fault),
        }
    }

    /// The imitation's fault (`imitation/src/faults.rs`, the sandbox's JSON
    /// shape) that this kit fault is: the imitation checks it further.
    fn imitation(self) -> Value {
        // A message that is empty or absent is left out.
        let message = (self.message.clone())
            .filter(|m| !m.is_empty())
            .map(Value::String);
        let truthy = |v: &Value| match v {
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64() != Some(0.0),
            Value::String(s) => !s.is_empty(),
            _ => true,
        };
        let (status, retry_after) = (self.status, self.retry_after);
        let fault = match self.kind.as_str() {
            "rateLimit" => json!({"status": 429, "retryAfter": retry_after.unwrap_or(json!(0))}),
            "validationError" => json!({
                "status": 400,
                "message": self.message.unwrap_or_else(|| "Validation failed".into()),
                "errors": self.errors.unwrap_or(json!([])),
            }),
            "serverError" => json!({"status": status.unwrap_or(json!(500))}),
            // `errors` given when truthy, as JavaScript reads `errors ? ... : ...`.
            "status" => json!({
                "status": status,
                "retryAfter": retry_after,
                "errors": self.errors.filter(truthy),
            }),
            "raw" => {
                json!({"raw": {"status": status, "contentType": self.content_type, "body": self.body}})
            }
            "delay" => json!({"delayMs": self.ms}),
            "networkError" => json!({"drop": true}),
            "concurrentEdit" => json!({"edit": self.patch}),
            flag => json!({ flag: true }),
        };
        let Value::Object(mut fault) = fault else {
            unreachable!("every fault is an object")
        };
        // Absent fields are left out; a message where the kind has one.
        fault.retain(|_, value| !value.is_null());
        if let Value::Object(raw) = fault.get_mut("raw").unwrap_or(&mut Value::Null) {
            raw.retain(|_, value| !value.is_null());
        }
        if matches!(self.kind.as_str(), "rateLimit" | "serverError" | "status") {
            fault.extend(message.map(|m| ("message".to_owned(), m)));
        }
        Value::Object(fault)
    }
}

/// The imitation's faults for the kit's `faults` (JSON: `FakeFault[]`), or
/// why one is not a kit fault (naming its index).
fn kit_faults(faults_json: &str) -> Result<Vec<Value>, String> {
    let faults: Vec<Value> =
        serde_json::from_str(faults_json).map_err(|e| format!("faults: {e}"))?;
    (faults.into_iter().enumerate())
        .map(|(i, fault)| {
            KitFault::read(&fault)
                .map(KitFault::imitation)
                .map_err(|e| format!("faults[{i}]: {e}"))
        })
        .collect()
}

/// `{"data": ...}`.
#[derive(Serialize)]
struct DataBody<T> {
    data: T,
}

fn reply_json(reply: &Reply) -> Value {
    json!({
        "kind": "reply",
        "status": reply.status,
        "headers": reply.headers,
        "body": reply.body,
    })
}

/// The imitated API, one instance per fake.
#[wasm_bindgen]
pub struct FakeApiCore {
    api: Api,
    next_request_id: u64,
}

#[wasm_bindgen]
impl FakeApiCore {
    /// A fresh imitation from options as JSON (see the wrapper's
    /// `FakeApiOptions`). Throws an `Error` naming the bad option.
    #[wasm_bindgen(constructor)]
    pub fn new(options_json: &str) -> Result<FakeApiCore, JsError> {
        let options = parse_options(options_json).map_err(|e| JsError::new(&e))?;
        Ok(Self {
            api: Api::new(options),
            next_request_id: 1,
        })
    }

    /// Answers one request. `headers_json` is `[[name, value], ...]`;
    /// `now_ms` the time in ms since the Unix epoch; `resume` is true after
    /// the wait of a delay. Returns JSON: `{"kind": "reply", "status",
    /// "headers": [[name, value]], "body"}`, `{"kind": "delay", "ms"}` or
    /// `{"kind": "networkError"}`.
    pub fn handle(
        &mut self,
        method: &str,
        path: &str,
        headers_json: &str,
        body: &[u8],
        now_ms: f64,
        resume: bool,
    ) -> String {
        let headers: Vec<(String, String)> = serde_json::from_str(headers_json).unwrap_or_default();
        let origin = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("origin"))
            .map(|(_, v)| v.clone());
        let req = Request {
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            headers,
            body: body.to_vec(),
            now_ms: now_ms as i64,
        };
        let outcome = if !checkoutpage_imitation::is_api_path(path) {
            Outcome::Reply(
                checkoutpage_imitation::error::ApiError::not_found("Route not found").reply(),
            )
        } else if req.method == "OPTIONS" {
            self.api.record(&req);
            Outcome::Reply(cors::preflight(&req.headers))
        } else if resume {
            self.api.resume(&req)
        } else {
            self.api.handle(&req)
        };
        match outcome {
            Outcome::Reply(mut reply) => {
                cors::decorate(&mut reply.headers, origin.as_deref());
                reply.headers.push((
                    "x-request-id".into(),
                    format!("req_{}", self.next_request_id),
                ));
                self.next_request_id += 1;
                reply_json(&reply).to_string()
            }
            Outcome::Delay { ms } => json!({"kind": "delay", "ms": ms}).to_string(),
            Outcome::NetworkError => json!({"kind": "networkError"}).to_string(),
        }
    }

    /// Adds customers from a JSON array of objects, each checked as the API
    /// would have stored it ([`check_fixture`]), in order (the last is the
    /// newest), or none. Returns JSON: `{"data": [customers]}`, or the API's
    /// 400 body (`{status, type, message, errors}`) whose message names the
    /// first customer refused (its index) and whose `errors` are that
    /// customer's. (One JSON text, not a reply carrying it as a string: a
    /// large store is copied and parsed once.)
    #[wasm_bindgen(js_name = addCustomers)]
    pub fn add_customers(&mut self, items_json: &str, now_ms: f64) -> String {
        let error_body = |e: ApiError| e.reply().body;
        let items = match serde_json::from_str::<Vec<Value>>(items_json) {
            Ok(items) => items,
            Err(_) => {
                let e = ApiError::validation("Customers must be an array of objects", vec![]);
                return error_body(e);
            }
        };
        let count = items.len();
        let refused = |i: usize, e: ApiError| {
            let message = match count {
                1 => e.message.clone(),
                _ => format!("customer {i} of {count} refused, none added"),
            };
            error_body(ApiError::validation(message, e.errors))
        };
        let mut checked = Vec::with_capacity(count);
        for (i, item) in items.into_iter().enumerate() {
            let fields = match item {
                Value::Object(fields) => check_fixture(fields),
                _ => Err(ApiError::validation(
                    "Customer fields must be an object",
                    vec![],
                )),
            };
            match fields {
                Ok(fields) => checked.push(fields),
                Err(e) => return refused(i, e),
            }
        }
        let store = self.api.store_mut();
        match store.create_all(checked, now_ms as i64) {
            Ok(ids) => {
                let data: Vec<CustomerView> = (ids.iter().filter_map(|id| store.get(id)))
                    .map(CustomerView)
                    .collect();
                serde_json::to_string(&DataBody { data }).unwrap_or_default()
            }
            Err((i, e)) => refused(i, e),
        }
    }

    /// How many customers the store holds.
    #[wasm_bindgen(js_name = customerCount)]
    pub fn customer_count(&self) -> usize {
        self.api.store().len()
    }

    /// Someone else's save of customer `id` (a PATCH body as JSON, checked
    /// as the API would; `updatedAt` moves); returns the reply as JSON
    /// (200 `{"data": customer}`, a 400 with `errors`, or a 404).
    #[wasm_bindgen(js_name = editCustomer)]
    pub fn edit_customer(&mut self, id: &str, patch_json: &str, now_ms: f64) -> String {
        let reply = self
            .api
            .edit_customer(id, patch_json.as_bytes(), now_ms as i64);
        reply_json(&reply).to_string()
    }

    /// The customer as JSON (documented keys first), or `undefined`.
    #[wasm_bindgen(js_name = getCustomer)]
    pub fn get_customer(&self, id: &str) -> Option<String> {
        let c = self.api.store().get(id)?;
        serde_json::to_string(&CustomerView(c)).ok()
    }

    /// Every customer as a JSON array, by id.
    #[wasm_bindgen(js_name = listCustomers)]
    pub fn list_customers(&self) -> String {
        let all: Vec<CustomerView> = self
            .api
            .store()
            .all()
            .into_iter()
            .map(CustomerView)
            .collect();
        serde_json::to_string(&all).unwrap_or_else(|_| "[]".into())
    }

    /// Back to the starting state.
    pub fn reset(&mut self) {
        self.api.reset();
    }

    /// Back to the starting customers (faults, log and rate limit kept).
    #[wasm_bindgen(js_name = resetCustomers)]
    pub fn reset_customers(&mut self) {
        self.api.reset_customers();
    }

    /// Queues faults from `{"customerId", "faults": [...]}`; the reply as
    /// JSON (200, or a 400 naming the bad fault).
    #[wasm_bindgen(js_name = addFaults)]
    pub fn add_faults(&mut self, json: &str) -> String {
        reply_json(&self.api.add_faults(json.as_bytes())).to_string()
    }

    /// Queues the kit's faults (`faults_json`: `FakeFault[]`, checked by
    /// the wrapper) for `customer_id` (or `*`); the reply as JSON (200, or
    /// a 400 naming the bad fault).
    #[wasm_bindgen(js_name = addKitFaults)]
    pub fn add_kit_faults(&mut self, customer_id: &str, faults_json: &str) -> String {
        let reply = match kit_faults(faults_json) {
            Ok(faults) => {
                let body = json!({"customerId": customer_id, "faults": faults});
                self.api.add_faults(body.to_string().as_bytes())
            }
            Err(message) => ApiError::validation(&message, vec![]).reply(),
        };
        reply_json(&reply).to_string()
    }

    /// Every fault kind with its fields besides `kind` ([`FAULT_KINDS`]),
    /// as a JSON object.
    #[wasm_bindgen(js_name = faultKinds)]
    pub fn fault_kinds() -> String {
        let kinds: Map<String, Value> = (FAULT_KINDS.iter())
            .map(|(kind, fields)| ((*kind).to_owned(), json!(fields)))
            .collect();
        Value::Object(kinds).to_string()
    }

    /// Drops the queued faults of one customer (or `*`), or all.
    #[wasm_bindgen(js_name = clearFaults)]
    pub fn clear_faults(&mut self, customer_id: Option<String>) {
        self.api.faults_mut().clear(customer_id.as_deref());
    }

    /// Pending faults per customer id, as a JSON object.
    #[wasm_bindgen(js_name = pendingFaults)]
    pub fn pending_faults(&self) -> String {
        json!(self.api.faults().pending()).to_string()
    }

    /// The request log as a JSON array.
    pub fn requests(&self) -> String {
        self.api
            .requests_json(None)
            .get("data")
            .map(Value::to_string)
            .unwrap_or_else(|| "[]".into())
    }

    /// Empties the request log.
    #[wasm_bindgen(js_name = clearRequests)]
    pub fn clear_requests(&mut self) {
        self.api.clear_log();
    }

    /// Sets the rate limit from `{"rateLimitPerMinute": N | null}`; the
    /// reply as JSON.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, json: &str) -> String {
        reply_json(&self.api.set_config(json.as_bytes())).to_string()
    }
}

/// The seed customers as a JSON array.
#[wasm_bindgen(js_name = seedCustomers)]
pub fn seed_customers_json() -> String {
    let all: Vec<Map<String, Value>> = seed_customers();
    serde_json::to_string(&all).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_with_serde_and_errors_name_the_option() {
        let options = parse_options(
            r#"{"customers": null, "keys": {"b": "readOnly", "a": "readWrite"},
                "rateLimitPerMinute": 60, "idSeed": 7, "nowMs": 0}"#,
        )
        .unwrap();
        assert_eq!(options.rate_limit_per_minute, Some(60));
        assert_eq!(options.id_seed, 7);
        assert!(options.customers.is_none());
        let mut keys = options.keys.clone();
        keys.sort_by(|x, y| x.0.cmp(&y.0));
        assert_eq!(
            keys,
            vec![
                ("a".into(), Access::ReadWrite),
                ("b".into(), Access::ReadOnly)
            ]
        );
        // Nothing given: the defaults.
        let defaults = parse_options("{}").unwrap();
        assert_eq!(defaults.keys, Options::default().keys);
        assert_eq!(defaults.rate_limit_per_minute, None);
        for (json, message) in [
            (
                r#"{"keys": {"k": "admin"}}"#,
                r#"options.keys["k"] must be "readWrite" or "readOnly""#,
            ),
            (r#"{"keys": 5}"#, "options.keys must be an object of key"),
            (
                r#"{"customers": "x"}"#,
                "options.customers must be an array of customer objects",
            ),
            (
                r#"{"customers": [5]}"#,
                "options.customers[0] must be an object (a customer with an id and an email)",
            ),
            (
                r#"{"customers": [{"email": "a@b.co"}]}"#,
                "options.customers[0]: id: Required: a customer id (24 hex characters",
            ),
            // Ids the API never gives (trial 24, F12), the field named.
            (
                r#"{"customers": [{"id": "cust_1", "email": "a@b.co"}]}"#,
                "options.customers[0] (cust_1): id: Must be a customer id as the API gives them: 24 hex characters",
            ),
            (
                r#"{"customers": [{"id": 7, "email": "a@b.co"}]}"#,
                "options.customers[0]: id: Must be a customer id",
            ),
            // One ObjectId, whatever the case.
            (
                r#"{"customers": [{"id": "6650a1b2c3d4e5f6012345ff", "email": "a@b.co"},
                                  {"id": "6650A1B2C3D4E5F6012345FF", "email": "b@b.co"}]}"#,
                r#"options.customers[1]: id "6650a1b2c3d4e5f6012345ff" is given twice"#,
            ),
            (
                r#"{"rateLimitPerMinute": 0}"#,
                "options.rateLimitPerMinute must be a positive integer or null",
            ),
            (
                r#"{"idSeed": -1}"#,
                "options.idSeed must be a non-negative integer",
            ),
            ("{", "options: "),
        ] {
            let error = parse_options(json).err().unwrap_or_default();
            assert!(error.starts_with(message), "{json}: {error}");
        }
    }
}

#[cfg(test)]
mod store_tests {
    use super::*;

    fn core(options: &str) -> FakeApiCore {
        FakeApiCore {
            api: Api::new(parse_options(options).unwrap()),
            next_request_id: 1,
        }
    }

    /// `addCustomers`' answer: 201 for `{data}`, else the error's status.
    fn reply(json: String) -> (u64, Value) {
        let body: Value = serde_json::from_str(&json).unwrap();
        match body.get("data") {
            Some(_) => (201, body),
            None => (
                if body["type"] == "validation_error" {
                    400
                } else {
                    0
                },
                body,
            ),
        }
    }

    /// `customers.add(count, each)` adds every customer or none (trial 24,
    /// F12): a refusal of the second keeps the first out too.
    #[test]
    fn adding_many_is_all_or_nothing() {
        let mut kit = core(r#"{"customers": []}"#);
        let fixed = r#"{"id": "6650a1b2c3d4e5f6012345ff", "email": "a@b.co"}"#;
        let (status, body) = reply(kit.add_customers(&format!("[{fixed}, {fixed}, {fixed}]"), 0.0));
        assert_eq!(status, 400, "{body}");
        assert_eq!(body["message"], "customer 1 of 3 refused, none added");
        assert_eq!(body["errors"][0]["param"], "id");
        assert_eq!(kit.customer_count(), 0);
        let bad_second = r#"[{"email": "a@b.co"}, {"email": "b@b.co", "id": "cust_2"}]"#;
        let (status, body) = reply(kit.add_customers(bad_second, 0.0));
        assert_eq!(
            (status, &body["message"]),
            (400, &json!("customer 1 of 2 refused, none added"))
        );
        assert_eq!(kit.customer_count(), 0);
        // Taken by a stored customer, in another case.
        let (status, _) = reply(kit.add_customers(&format!("[{fixed}]"), 0.0));
        assert_eq!(status, 201);
        let upper =
            r#"[{"email": "c@b.co"}, {"id": "6650A1B2C3D4E5F6012345FF", "email": "d@b.co"}]"#;
        let (status, body) = reply(kit.add_customers(upper, 0.0));
        assert_eq!(
            (status, &body["errors"][0]["message"]),
            (400, &json!("Customer id already exists"))
        );
        assert_eq!(kit.customer_count(), 1);
        // All good: all added, in order, the last the newest.
        let (status, body) =
            reply(kit.add_customers(r#"[{"email": "e@b.co"}, {"email": "f@b.co"}]"#, 0.0));
        assert_eq!(status, 201);
        assert_eq!(body["data"].as_array().unwrap().len(), 2);
        assert_eq!(kit.customer_count(), 3);
        let newest = kit.api.store().newest_first()[0];
        assert_eq!(newest["email"], "f@b.co");
    }
}

#[cfg(test)]
mod kit_fault_tests {
    use super::*;

    /// The `FakeFault` union of the kit's types: each kind with its fields.
    fn typed_kinds() -> Vec<(String, Vec<String>)> {
        let types = include_str!("../../npm/testing/index.d.ts");
        let start = types.find("export type FakeFault =").expect("FakeFault");
        let union = &types[start..start + types[start..].find(";\n\n").expect("its end")];
        union
            .split("\n  | { ")
            .skip(1)
            .map(|member| {
                // The member's fields, split where no brace or bracket is open.
                let member = member.trim_end().trim_end_matches('}').trim_end();
                let mut fields = Vec::new();
                let (mut depth, mut field) = (0, String::new());
                for c in member.chars() {
                    depth += match c {
                        '{' | '[' => 1,
                        '}' | ']' => -1,
                        _ => 0,
                    };
                    match (c, depth) {
                        (';', 0) => fields.push(std::mem::take(&mut field)),
                        _ => field.push(c),
                    }
                }
                fields.push(field);
                let mut names = (fields.iter().map(|f| f.trim()).filter(|f| !f.is_empty()))
                    .map(|f| f.split([':', '?']).next().unwrap_or_default().to_owned());
                let kind = names.next().expect("kind");
                assert_eq!(kind, "kind");
                let kind = fields[0]
                    .trim()
                    .trim_start_matches("kind: ")
                    .trim_matches('"');
                (kind.to_owned(), names.collect())
            })
            .collect()
    }

    #[test]
    fn the_typed_faults_are_the_faults_read() {
        let declared: Vec<(String, Vec<String>)> = (FAULT_KINDS.iter())
            .map(|(k, f)| ((*k).to_owned(), f.iter().map(|f| (*f).to_owned()).collect()))
            .collect();
        assert_eq!(typed_kinds(), declared);
        // Serde reads exactly these: every declared field, no other.
        for (kind, fields) in FAULT_KINDS {
            let mut fault = json!({ "kind": kind });
            for field in *fields {
                fault[*field] = Value::Null;
            }
            assert!(KitFault::read(&fault).is_ok(), "{fault}");
            fault["other"] = json!(1);
            assert!(
                KitFault::read(&fault).is_err(),
                "{kind} takes no other field"
            );
        }
        assert!(KitFault::read(&json!({"kind": "explode"})).is_err());
        // Nor a field of another kind.
        let all: Vec<&str> = FAULT_KINDS
            .iter()
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        for (kind, fields) in FAULT_KINDS {
            for other in all.iter().filter(|f| !fields.contains(f)) {
                let fault = json!({ "kind": kind, *other: 1 });
                assert!(KitFault::read(&fault).is_err(), "{fault}");
            }
        }
    }

    #[test]
    fn kit_faults_become_the_imitation_s() {
        let faults = kit_faults(
            r#"[{"kind": "rateLimit"}, {"kind": "validationError", "errors": [], "message": ""},
                {"kind": "serverError", "message": "down"}, {"kind": "status", "status": 418, "errors": 0},
                {"kind": "raw", "status": 200, "body": "x"}, {"kind": "delay", "ms": 5},
                {"kind": "networkError"}, {"kind": "concurrentEdit", "patch": {"name": "A"}},
                {"kind": "html502"}, {"kind": "malformed200"}, {"kind": "wrongShape200"}]"#,
        )
        .unwrap();
        assert_eq!(
            Value::Array(faults),
            json!([{"status": 429, "retryAfter": 0}, {"status": 400, "message": "", "errors": []},
                   {"status": 500, "message": "down"}, {"status": 418},
                   {"raw": {"status": 200, "body": "x"}}, {"delayMs": 5}, {"drop": true},
                   {"edit": {"name": "A"}}, {"html502": true}, {"malformed200": true},
                   {"wrongShape200": true}])
        );
        let error = kit_faults(r#"[{"kind": "delay"}, {"kind": "nope"}]"#).unwrap_err();
        assert!(error.starts_with("faults[1]: "), "{error}");
    }
}
