//! The WebAssembly shell: transport, JS interop and the exported API.

#[cfg(feature = "bench")]
mod bench;
mod boundary;
mod bulk;
mod interop;
mod options;
mod schema;
mod transport;

pub use boundary::{
    apply_customer_patch, diff_customer, normalize_customer_patch, validate_customer_patch,
    CheckoutPageClient, CheckoutPageError,
};
pub use options::{BulkItem, BulkOptions, BulkProgress, ClientOptions, RequestOptions};
pub use schema::{create_customer_draft_schema, create_customer_patch_schema};

/// Talc instead of Rust's default wasm allocator (dlmalloc): 6.8 KB less
/// wasm, no slower in our benchmarks (bench/RESULTS.md). The module is
/// single-threaded, which is what `WasmDynamicTalc` is for.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
