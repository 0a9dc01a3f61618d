//! The WebAssembly shell: transport, JS interop and the exported API.

mod boundary;
mod bulk;
mod interop;
mod transport;

pub use boundary::{
    apply_customer_patch, diff_customer, normalize_customer_patch, validate_customer_patch,
    BulkItem, BulkOptions, BulkProgress, CheckoutPageClient, CheckoutPageError, ClientOptions,
    RequestOptions,
};
