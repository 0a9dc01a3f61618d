//! Whole-string regular-expression matching for the rule data, with an engine
//! the platform supplies.
//!
//! Some rule data comes as regular expressions (the postal-code formats of
//! Google's address metadata). The core carries no regex engine of its own:
//! natively it uses the `regex` crate; the WebAssembly shell plugs in the
//! JavaScript engine's `RegExp` with [`set_engine`]. Measured on the release
//! module: with `RegExp` it is 143,216 bytes (66.4 KB gzip -9); with the
//! `regex` crate compiled in (std only, no perf features) 382,326 bytes
//! (163.3 KB gzip -9). The patterns used
//! are plain ASCII (`\d`, classes, groups, alternation, counted repetition),
//! where both engines agree; the public-data tests run through both.

use std::sync::OnceLock;

/// Whether `input` matches `pattern` *as a whole* (`^(?:pattern)$`), or
/// `None` when the engine cannot compile the pattern.
pub type Engine = fn(pattern: &str, input: &str) -> Option<bool>;

static ENGINE: OnceLock<Engine> = OnceLock::new();

/// Installs the platform's regex engine; the first call wins. Returns whether
/// this call installed it.
pub fn set_engine(engine: Engine) -> bool {
    ENGINE.set(engine).is_ok()
}

/// Whether `input` matches `pattern` as a whole; `None` when no engine is
/// available or the pattern does not compile (callers then do not warn).
pub(crate) fn full_match(pattern: &str, input: &str) -> Option<bool> {
    match ENGINE.get() {
        Some(engine) => engine(pattern, input),
        None => native(pattern, input),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn native(pattern: &str, input: &str) -> Option<bool> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static CACHE: RefCell<HashMap<String, Option<regex::Regex>>> = RefCell::default();
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let compiled = cache.entry(pattern.to_owned()).or_insert_with(|| {
            // ASCII semantics, as in JavaScript without the `u` flag.
            regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
                .unicode(false)
                .build()
                .ok()
        });
        compiled.as_ref().map(|re| re.is_match(input))
    })
}

#[cfg(target_arch = "wasm32")]
fn native(_pattern: &str, _input: &str) -> Option<bool> {
    None
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::full_match;

    #[test]
    fn whole_string_ascii_matching() {
        assert_eq!(full_match(r"\d{5}", "12345"), Some(true));
        assert_eq!(full_match(r"\d{5}", "123456"), Some(false));
        assert_eq!(full_match(r"\d{5}", "１２３４５"), Some(false));
        assert_eq!(full_match(r"AB|\d", "AB"), Some(true));
        assert_eq!(full_match(r"AB|\d", "ABC"), Some(false));
        assert_eq!(full_match(r"(", "x"), None);
    }
}
