//! The kit module's allocator: talc (the main module's allocator too), fed
//! by WebAssembly memory that grows geometrically.
//!
//! Each `memory.grow` makes the JavaScript engine replace the module's
//! `ArrayBuffer`, and once that memory is large, V8 often follows with a full
//! garbage collection of the whole process. Rust's default wasm allocator
//! (dlmalloc) and talc's own wasm sources grow by what the allocation at
//! hand needs (64 KiB pages), so a store of 100 000 customers (about 300 MB)
//! grew the memory thousands of times: `customers.add(100000)` took 20 to
//! 30 s in Node, most of it in the garbage collector (trial 24, F10). Growing
//! by at least half the memory there is makes that a dozen grows: about 2 s
//! (`bench/kit-scaling.mjs`), for at most half again the memory in use.

use core::alloc::Layout;
use core::arch::wasm32::{memory_grow, memory_size};
use core::ptr::NonNull;

use talc::base::binning::Binning;
use talc::base::{Talc, CHUNK_UNIT};
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

/// A WebAssembly page.
const PAGE: usize = 64 * 1024;

/// Takes memory from `memory.grow` (talc's `WasmGrowAndExtend`, which
/// extends the heap it has when the new pages follow it), at least half the
/// current memory at a time.
#[derive(Debug)]
pub struct GrowGeometrically {
    /// The end of the heap, once there is one.
    end: Option<NonNull<u8>>,
}

// SAFETY: `acquire` neither allocates nor touches the allocator but through
// `talc`; it claims or extends over pages that `memory.grow` just added, which
// nothing else uses.
unsafe impl Source for GrowGeometrically {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        // Enough for this allocation with talc's tags and any alignment (a
        // little more than talc's own estimate: too little only means
        // another call), or half the memory there is, whichever is more.
        let needed = (layout.size() + layout.align() + 4 * CHUNK_UNIT).div_ceil(PAGE);
        let wanted = needed.max(memory_size::<0>() / 2);
        let (previous, pages) = match memory_grow::<0>(wanted) {
            usize::MAX => match memory_grow::<0>(needed) {
                usize::MAX => return Err(()),
                previous => (previous, needed),
            },
            previous => (previous, wanted),
        };
        let base = (previous * PAGE) as *mut u8;
        let bytes = pages * PAGE;
        if let Some(end) = talc.source.end.take() {
            if end.as_ptr() == base {
                // SAFETY: the pages from the heap's end on are new and ours.
                talc.source.end = Some(unsafe { talc.extend(end, base.wrapping_add(bytes)) });
                return Ok(());
            }
        }
        // SAFETY: as above; a heap of its own where they do not follow it.
        talc.source.end = unsafe { talc.claim(base, bytes) };
        Ok(())
    }
}

/// The kit module's global allocator (the module is single-threaded, which
/// `TalcSyncCell::new_wasm` checks).
#[global_allocator]
static ALLOCATOR: TalcSyncCell<GrowGeometrically, WasmBinning> =
    TalcSyncCell::new_wasm(GrowGeometrically { end: None });
