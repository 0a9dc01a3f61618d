//! The one place where a Rust [`Error`] becomes a JavaScript
//! `CheckoutPageError` (`js/errors.js`), with the TypeScript declarations of
//! the error and result shapes.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::args::problems_value;
use crate::error::{Error, ErrorKind};

use super::interop;

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    /// A failed Checkout Page call; `kind` says what went wrong.
    // wasm-bindgen declares a re-export as `let CheckoutPageError: unknown`;
    // scripts/build-pkg.sh replaces that with the class declared below.
    #[wasm_bindgen(reexport)]
    pub type CheckoutPageError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, details: &JsValue) -> CheckoutPageError;

}

#[wasm_bindgen(typescript_custom_section)]
const CHECKOUT_PAGE_ERROR_TS: &'static str = r#"
/**
 * Every failure of the client: `kind` says what went wrong, `status` is the
 * HTTP status when a response arrived, `errors` lists field problems in the
 * API's own shape, `body` is the whole parsed response body.
 */
export class CheckoutPageError extends Error {
  /** Created by the client only. */
  private constructor();
  /** Always `"CheckoutPageError"`. */
  readonly name: "CheckoutPageError";
  /** What went wrong. */
  readonly kind: ErrorKind;
  /** The HTTP status, or `null` when no response arrived. */
  readonly status: number | null;
  /** Field-level problems, from client-side validation or the API. */
  readonly errors: FieldError[];
  /** The whole parsed response body (or `null`), extra properties included. */
  readonly body: unknown;
  /** The `x-request-id` response header, when present. */
  readonly requestId: string | null;
  /**
   * How long to wait before trying again, in milliseconds, on `rate_limit`
   * errors: the server's `Retry-After`, or the rest of the client's pause
   * when a call was refused without sending anything.
   */
  readonly retryAfterMs: number | null;
  /**
   * For `aborted` and `timeout` errors caused by the call's `signal`: the
   * signal's `reason` (as passed to `controller.abort(reason)`).
   */
  readonly cause?: unknown | undefined;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const VALIDATION_PROBLEM_TS: &'static str = r#"
/**
 * A problem `validateCustomerPatch` found: a `FieldError` whose `code` and
 * `severity` are always set.
 */
export type ValidationProblem = FieldError & { code: ProblemCode; severity: Severity };
"#;

#[wasm_bindgen(typescript_custom_section)]
const BULK_RESULT_TS: &'static str = r#"
/**
 * The outcome of one item of `updateCustomers`: the customer as stored, or
 * the error that item ended in.
 */
export type BulkResult =
  | { customerId: string; ok: true; customer: Customer }
  | { customerId: string; ok: false; error: CheckoutPageError };
"#;

/// Turns a core error into the JavaScript `CheckoutPageError`.
pub(crate) fn to_js_error(error: Error) -> JsValue {
    to_js_error_from(error, None)
}

/// Like [`to_js_error`], for a call with a `signal`: an `aborted` or
/// `timeout` error of a fired signal gets the signal's `reason` as `cause`.
pub(crate) fn to_js_error_from(error: Error, signal: Option<&AbortSignal>) -> JsValue {
    let details = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&details, &JsValue::from_str(key), &value);
    };
    let fired = signal.filter(|s| s.aborted());
    if let (Some(signal), ErrorKind::Aborted | ErrorKind::Timeout) = (fired, error.kind) {
        set(
            "cause",
            Reflect::get(signal, &JsValue::from_str("reason")).unwrap_or_default(),
        );
    }
    set("kind", JsValue::from_str(error.kind.as_str()));
    set("status", error.status.map_or(JsValue::NULL, JsValue::from));
    set(
        "errors",
        interop::from_value(&problems_value(&error.errors)),
    );
    let body = error.body.as_deref();
    set("body", body.map_or(JsValue::NULL, interop::from_value));
    let request_id = error.request_id.as_deref();
    set("requestId", request_id.map_or(JsValue::NULL, JsValue::from));
    let retry_after = error.retry_after_ms.map(|ms| ms as f64);
    set(
        "retryAfterMs",
        retry_after.map_or(JsValue::NULL, JsValue::from_f64),
    );
    CheckoutPageError::new(&error.message, &details).into()
}

/// Turns problems into a `validation` `CheckoutPageError`.
pub(crate) fn validation_error(problems: Vec<crate::error::FieldError>) -> JsValue {
    to_js_error(Error::validation(problems))
}
