//! The test kit's WebAssembly module, loaded only by the package entry
//! `checkoutpage-client/testing` (never by the main entry): the API imitation
//! of the `checkoutpage-imitation` crate, the same one the sandbox server
//! runs, behind a thin `#[wasm_bindgen]` glue. Values cross as JSON text;
//! the typed, documented API is the JavaScript wrapper (`npm/testing/`).
//!
//! No clock and no timers here: the wrapper passes the time in and carries
//! out delays and network failures.
#![deny(missing_docs)]

use checkoutpage_imitation::error::ApiError;
use checkoutpage_imitation::store::{
    check_fixture, data_body, fill_server_fields, seed_customers, Customer,
};
use checkoutpage_imitation::{cors, Access, Api, Options, Outcome, Reply, Request};
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

/// Options as JSON: `{"customers"?: [...], "keys"?: {"key": "readWrite" |
/// "readOnly"}, "rateLimitPerMinute"?: N | null, "idSeed"?: N}`. Errors name
/// the option.
fn parse_options(json: &str) -> Result<Options, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| format!("options: {e}"))?;
    let Value::Object(obj) = value else {
        return Err("options must be an object".into());
    };
    let mut options = Options::default();
    if let Some(v) = obj.get("customers").filter(|v| !v.is_null()) {
        let Value::Array(items) = v else {
            return Err("options.customers must be an array of customer objects".into());
        };
        // Stored as the API would have stored them (check_fixture), with the
        // server's fields filled in at creation time.
        let now_ms = obj.get("nowMs").and_then(Value::as_f64).unwrap_or(0.0) as i64;
        let mut customers: Vec<Customer> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let id = match item {
                Value::Object(c) => c
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| !id.is_empty()),
                _ => None,
            };
            let (Some(id), Value::Object(fields)) = (id, item) else {
                return Err(format!(
                    "options.customers[{i}] must be an object with a non-empty string id"
                ));
            };
            if customers
                .iter()
                .any(|c| c.get("id").and_then(Value::as_str) == Some(id))
            {
                return Err(format!("options.customers[{i}]: id {id:?} is given twice"));
            }
            let mut customer = check_fixture(fields.clone()).map_err(|e| {
                let detail: Vec<String> = e
                    .errors
                    .iter()
                    .map(|f| format!("{}: {}", f.param, f.message))
                    .collect();
                format!("options.customers[{i}] ({id}): {}", detail.join("; "))
            })?;
            fill_server_fields(&mut customer, now_ms);
            customers.push(customer);
        }
        options.customers = Some(customers);
    }
    if let Some(v) = obj.get("keys").filter(|v| !v.is_null()) {
        let Value::Object(keys) = v else {
            return Err(
                "options.keys must be an object of key → \"readWrite\" | \"readOnly\"".into(),
            );
        };
        options.keys = Vec::new();
        for (key, access) in keys {
            let access = match access.as_str() {
                Some("readWrite") => Access::ReadWrite,
                Some("readOnly") => Access::ReadOnly,
                _ => {
                    return Err(format!(
                        "options.keys[{key:?}] must be \"readWrite\" or \"readOnly\""
                    ))
                }
            };
            options.keys.push((key.clone(), access));
        }
    }
    match obj.get("rateLimitPerMinute") {
        None | Some(Value::Null) => {}
        Some(v) => {
            let n = v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0)
                .ok_or("options.rateLimitPerMinute must be a positive integer or null")?;
            options.rate_limit_per_minute = Some(n);
        }
    }
    match obj.get("idSeed") {
        None | Some(Value::Null) => {}
        Some(v) => {
            options.id_seed = v
                .as_u64()
                .ok_or("options.idSeed must be a non-negative integer")?;
        }
    }
    Ok(options)
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

    /// Adds a customer from a JSON object; returns the reply as JSON
    /// (201 `{"data": customer}` or a 400 with `errors`).
    #[wasm_bindgen(js_name = addCustomer)]
    pub fn add_customer(&mut self, fields_json: &str, now_ms: f64) -> String {
        let checked = match serde_json::from_str::<Value>(fields_json) {
            Ok(Value::Object(fields)) => check_fixture(fields).map(Value::Object),
            _ => Err(ApiError::validation(
                "Customer fields must be an object",
                vec![],
            )),
        };
        let reply = match checked {
            Ok(fields) => self
                .api
                .create_customer(fields.to_string().as_bytes(), now_ms as i64),
            Err(e) => e.reply(),
        };
        reply_json(&reply).to_string()
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

    /// The customer as JSON, or `undefined`.
    #[wasm_bindgen(js_name = getCustomer)]
    pub fn get_customer(&self, id: &str) -> Option<String> {
        let c = self.api.store().get(id)?;
        serde_json::to_value(data_body(c))
            .ok()
            .and_then(|v| v.get("data").map(Value::to_string))
    }

    /// Every customer as a JSON array, by id.
    #[wasm_bindgen(js_name = listCustomers)]
    pub fn list_customers(&self) -> String {
        let all: Vec<Value> = self
            .api
            .store()
            .all()
            .into_iter()
            .filter_map(|c| {
                serde_json::to_value(data_body(c))
                    .ok()?
                    .get("data")
                    .cloned()
            })
            .collect();
        Value::Array(all).to_string()
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
