//! The WebAssembly shell: the driver of the core's call machine, JavaScript
//! interop, and the exported API.

#[cfg(feature = "client")]
mod args;
// The crossing benchmarks' exports (bench/run.mjs): measurement, not part of
// the shell, so they live with the benchmarks.
#[cfg(feature = "bench")]
#[path = "../../bench/crossing.rs"]
mod bench;
#[cfg(feature = "client")]
mod bulk;
#[cfg(feature = "client")]
mod client;
mod errors;
mod exports;
mod interop;
mod schema;
#[cfg(feature = "client")]
mod transport;
#[cfg(feature = "client")]
mod types;

#[cfg(feature = "client")]
pub use client::CheckoutPageClient;
pub use errors::CheckoutPageError;
#[cfg(feature = "client")]
pub use exports::merge_customer;
pub use exports::{
    apply_customer_patch, diff_customer, normalize_customer_patch, validate_customer_patch,
};
pub use schema::{
    create_customer_draft_schema, create_customer_patch_schema, customer_patch_json_schema,
};
#[cfg(feature = "client")]
pub use types::{BulkItem, BulkProgress};

/// Talc instead of Rust's default wasm allocator (dlmalloc): 6.8 KB less
/// wasm, no slower in our benchmarks (bench/RESULTS.md). The module is
/// single-threaded, which is what `WasmDynamicTalc` is for.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
