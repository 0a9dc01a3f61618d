//! The one place where a Rust [`Error`] becomes a JavaScript
//! `CheckoutPageError` (`js/errors.js`), with the TypeScript declarations of
//! the error and result shapes.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::error::{Error, ErrorKind};

use super::interop;

#[wasm_bindgen(module = "/js/errors.js")]
extern "C" {
    /// A failed Checkout Page call; `kind` says what went wrong.
    // wasm-bindgen declares a re-export as `let CheckoutPageError: unknown`;
    // scripts/build-pkg.sh removes that; js/api.d.ts declares the class.
    #[wasm_bindgen(reexport)]
    pub type CheckoutPageError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, details: &JsValue) -> CheckoutPageError;

}

/// The declarations of `CheckoutPageError` and `ValidationProblem`, and with
/// the client those of its results (`BulkResult`, `CustomerPage`,
/// `SaveResult`, ...; `js/client.d.ts`), which name its option types.
#[cfg(feature = "client")]
#[wasm_bindgen(typescript_custom_section)]
const API_TS: &'static str = concat!(
    include_str!("../../js/api.d.ts"),
    include_str!("../../js/client.d.ts")
);
/// The declarations of `CheckoutPageError` and `ValidationProblem` (the
/// rules-only module: no client).
#[cfg(not(feature = "client"))]
#[wasm_bindgen(typescript_custom_section)]
const API_TS: &'static str = include_str!("../../js/api.d.ts");

/// Turns a core error into the JavaScript `CheckoutPageError`.
pub(crate) fn to_js_error(error: Error) -> JsValue {
    to_js_error_from(error, None)
}

/// Like [`to_js_error`], for a call with a `signal`: an `aborted` or
/// `timeout` error of a fired signal gets the signal's `reason` as `cause`.
pub(crate) fn to_js_error_from(error: Error, signal: Option<&AbortSignal>) -> JsValue {
    let fired = signal.filter(|s| s.aborted());
    let cause = match (fired, error.kind) {
        (Some(signal), ErrorKind::Aborted | ErrorKind::Timeout) => {
            Reflect::get(signal, &JsValue::from_str("reason")).unwrap_or_default()
        }
        _ => JsValue::UNDEFINED,
    };
    // Own properties only (`JSON.parse`'s, and `cause` defined even when
    // undefined): the error's constructor finds nothing on a polluted
    // `Object.prototype`.
    let details = interop::from_value(&error.details());
    interop::define(&details, "cause", &cause);
    CheckoutPageError::new(&error.message, &details).into()
}

/// Turns problems into a `validation` `CheckoutPageError`.
pub(crate) fn validation_error(problems: Vec<crate::error::FieldError>) -> JsValue {
    to_js_error(Error::validation(problems))
}
