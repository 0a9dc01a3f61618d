//! The WebAssembly shell: transport, JS interop and the exported API.

mod boundary;
mod interop;
mod transport;

pub use boundary::{CheckoutPageClient, CheckoutPageError, ClientOptions, RequestOptions};
