//! The WebAssembly shell: transport, JS interop and the exported API.

mod boundary;
mod bulk;
mod interop;
mod transport;

pub use boundary::{
    BulkItem, BulkOptions, BulkProgress, CheckoutPageClient, CheckoutPageError, ClientOptions,
    RequestOptions,
};
