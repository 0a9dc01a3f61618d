//! The WebAssembly shell: the driver of the core's call machine, JavaScript
//! interop, and the exported API.

mod args;
#[cfg(feature = "bench")]
mod bench;
mod bulk;
mod client;
mod errors;
mod exports;
mod interop;
mod schema;
mod transport;
mod types;

pub use client::CheckoutPageClient;
pub use errors::CheckoutPageError;
pub use exports::{
    apply_customer_patch, diff_customer, merge_customer, normalize_customer_patch,
    validate_customer_patch,
};
pub use schema::{
    create_customer_draft_schema, create_customer_patch_schema, customer_patch_json_schema,
};
pub use types::{BulkItem, BulkProgress};

/// Talc instead of Rust's default wasm allocator (dlmalloc): 6.8 KB less
/// wasm, no slower in our benchmarks (bench/RESULTS.md). The module is
/// single-threaded, which is what `WasmDynamicTalc` is for.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
