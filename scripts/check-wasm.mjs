// Run by scripts/build-pkg.sh on a copy of each shipped module built exactly
// like it but keeping the name section (wasm-bindgen --keep-debug, wasm-opt
// -g): fails the build when Rust's formatting machinery comes back.
//
// Every message of the crate is put together by `text!` (src/text.rs), so
// the module holds no formatting of values: no `format!`/`to_string()`
// (`alloc::fmt::format`), no `Debug` or `Display` of the crate's types,
// floats, chars or strings, no Unicode tables. What remains is the panic
// runtime of the standard library, which every module linking `std` carries
// (gloo-net needs `std`; a `#[panic_handler]` of our own needs `no_std` and
// `-Zlocation-detail`/`panic=immediate-abort` are nightly-only): its payload
// writes static messages with `fmt::write`, and core's bounds checks format
// an index with `u32`'s `Display`. Those functions are allowed by name,
// nothing else, and their total size is capped.
//
// Usage: node scripts/check-wasm.mjs <named.wasm> <label>
import { readFileSync } from "node:fs";

const [file, label = file] = process.argv.slice(2);
if (!file) throw new Error("usage: check-wasm.mjs <named.wasm> [label]");

/** The function names and body sizes of a module's name and code sections. */
export function functions(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, b;
    do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
  const str = () => { const len = leb(); const s = bytes.toString("utf8", pos, pos + len); pos += len; return s; };
  let imported = 0;
  const sizes = new Map();
  const names = new Map();
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const end = leb() + pos;
    if (id === 0 && str() === "name") {
      while (pos < end) {
        const sub = bytes[pos++];
        const subEnd = leb() + pos;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const index = leb(); names.set(index, str()); }
        pos = subEnd;
      }
    } else if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        str(); str();
        const kind = bytes[pos++];
        if (kind === 0) { leb(); imported++; }
        else if (kind === 1) { pos++; if (leb() & 1) leb(); leb(); }
        else if (kind === 2) { if (leb() & 1) leb(); leb(); }
        else if (kind === 3) pos += 2;
        else if (kind === 4) { pos++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(), i = 0; i < n; i++) { const size = leb(); sizes.set(imported + i, size); pos += size; }
    }
    pos = end;
  }
  if (names.size === 0) throw new Error(`${label}: no name section (build the copy with --keep-debug and wasm-opt -g)`);
  return [...sizes].map(([index, size]) => ({ name: names.get(index) ?? `function ${index}`, size }));
}

/** A demangled name without crate disambiguators, hashes and copy numbers. */
const plain = (name) => name.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "").replace(/\[\d+\]$/, "");

// Formatting code: anything of core::fmt / alloc::fmt, any Display/Debug/Hex
// impl, Unicode tables for `{:?}`, float printing and parsing.
const FORMATTING = /\b(core|alloc|std)::fmt\b|\bfmt::(Display|Debug|LowerHex|UpperHex|Write|Arguments)\b|core::unicode::printable|flt2dec|dec2flt/;

// The standard library's panic runtime (see above): allowed, nothing else.
const PANIC_RUNTIME = new Set([
  "core::fmt::write",
  "<core::fmt::Formatter>::pad",
  "<core::fmt::Formatter>::write_str",
  "<core::fmt::Formatter>::pad_integral",
  "<core::fmt::Formatter>::pad_integral::write_prefix",
  "<u32 as core::fmt::Display>::fmt",
  "<usize as core::fmt::Display>::fmt",
  "<&str as core::fmt::Display>::fmt",
  "<str as core::fmt::Display>::fmt",
  "<alloc::string::String as core::fmt::Write>::write_str",
  "<alloc::string::String as core::fmt::Write>::write_char",
  "<alloc::string::String as core::fmt::Write>::write_fmt",
  "<std::panicking::panic_handler::FormatStringPayload as core::fmt::Display>::fmt",
  "<std::panicking::panic_handler::StaticStrPayload as core::fmt::Display>::fmt",
  "<core::cell::BorrowError as core::fmt::Display>::fmt",
  "<core::cell::BorrowMutError as core::fmt::Display>::fmt",
]);
// Measured at 2,411 bytes (issue 27); room for a toolchain's variation.
const MAX_RUNTIME_BYTES = 3_000;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const found = functions(readFileSync(file)).filter((f) => FORMATTING.test(plain(f.name)));
  const foreign = found.filter((f) => !PANIC_RUNTIME.has(plain(f.name)));
  const runtime = found.filter((f) => PANIC_RUNTIME.has(plain(f.name))).reduce((sum, f) => sum + f.size, 0);
  if (foreign.length || runtime > MAX_RUNTIME_BYTES) {
    console.error(`error: ${label}: Rust's formatting machinery is back in the module (messages are built with text!, src/text.rs):`);
    for (const f of foreign) console.error(`  ${f.size} B  ${plain(f.name)}`);
    if (runtime > MAX_RUNTIME_BYTES) console.error(`  the panic runtime's formatting is ${runtime} B, over ${MAX_RUNTIME_BYTES} B`);
    process.exit(1);
  }
  console.log(`${label}: no formatting code but the standard library's panic runtime (${runtime} B)`);
}
