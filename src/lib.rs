//! An independent client for loading and updating
//! [Checkout Page](https://checkoutpage.com) customers
//! (`GET`/`PATCH /v1/customers/:customerId`) from a browser or Node.
//!
//! The crate is a pure core plus a thin WebAssembly shell:
//!
//! - [`model`], [`value`], [`json`], [`error`], [`messages`], [`schema`],
//!   [`config`], [`endpoints`], [`retry`], [`pacer`], [`call`], [`bulk`],
//!   [`merge`] and [`save`] are plain Rust with no I/O and no JavaScript:
//!   the data types, one module per endpoint (request building, response
//!   parsing), the retry policy, the three-way merge, and the sequence of a
//!   call, of a bulk job and of a conflict-aware save as sans-IO state
//!   machines. They are tested
//!   natively with `cargo test`, the timelines on a fake clock.
//! - On `wasm32`, a thin shell: a driver that performs the call machine's
//!   steps with `fetch` (the global one or the client's `fetch` option) and
//!   timers, and the `#[wasm_bindgen]` exports, including the
//!   `CheckoutPageClient` class and the `CheckoutPageError` that every failure
//!   becomes.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod args;
pub mod bulk;
pub mod call;
pub mod config;
pub mod endpoints;
pub mod error;
pub mod json;
pub mod merge;
pub mod messages;
pub mod model;
pub mod options;
pub mod pacer;
pub mod redact;
pub mod response_guard;
pub mod retry;
pub mod rules;
pub mod save;
pub mod schema;
mod text;
pub mod value;

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
pub use wasm::{
    apply_customer_patch, create_customer_draft_schema, create_customer_patch_schema,
    customer_patch_json_schema, diff_customer, normalize_customer_patch, validate_customer_patch,
    CheckoutPageError,
};
#[cfg(all(target_arch = "wasm32", feature = "client"))]
pub use wasm::{merge_customer, BulkItem, BulkProgress, CheckoutPageClient};

pub use config::{ClientConfig, ClientOptionsInput};
pub use endpoints::list_customers::ListParams;
pub use error::{Error, ErrorKind, FieldError, ProblemCode, Severity, Wording};
pub use model::{Address, Customer, CustomerPatch, Shipping};
pub use options::{BulkOptions, ClientOptions, MergeOptions, RequestOptions, SaveOptions};
pub use value::Value;
