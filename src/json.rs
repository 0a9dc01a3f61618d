//! JSON text to and from [`Value`], with no JSON library.
//!
//! The WebAssembly shell moves data across the JS↔wasm boundary as JSON text
//! (one `JSON.stringify` on the JavaScript side, one pass here) because that
//! is several times cheaper than walking a JavaScript object one property at
//! a time. Response bodies are parsed here too. A hand-written parser keeps
//! `serde_json` (about 30 KB of wasm) out of the package.
//!
//! The parser follows RFC 8259 and agrees with `JSON.parse` except where the
//! core needs more: numbers must be finite (`1e400` is an error, not
//! `Infinity`), and nesting deeper than [`MAX_DEPTH`] is an error instead of
//! a stack overflow. Lone UTF-16 surrogates (`"\ud800"`) become U+FFFD, as
//! they do when JavaScript strings are encoded as UTF-8; [`parse_noting`]
//! also says where the first one was, for a caller that must not pass the
//! replacement off as what was sent. A repeated key keeps its first
//! position and its last value, as in `JSON.parse`.

use std::borrow::Cow;
use std::fmt;

use crate::value::{Key, Map, Value, MAX_SAFE_INTEGER};

/// The deepest nesting of arrays and objects [`parse`] accepts.
pub const MAX_DEPTH: usize = 128;

/// How numbers other than safe integers are read and written.
///
/// Whole numbers are handled here with integer arithmetic (up to 15 digits
/// when read, below 2^53 when written). Other numbers (fractions, exponents,
/// huge values) need correctly rounded decimal conversion: [`Floats::STD`]
/// uses Rust's, which added 40 KB of tables and code to the wasm module; the
/// WebAssembly shell plugs in the JavaScript engine's own (`parseFloat`,
/// `Number#toString`) instead.
#[derive(Clone, Copy, Debug)]
pub struct Floats {
    /// Reads a number in JSON syntax; `None` if it cannot.
    pub parse: fn(&str) -> Option<f64>,
    /// Appends a finite number in JSON syntax.
    pub write: fn(f64, &mut String),
}

impl Floats {
    /// Rust's own conversions (`str::parse`, `Display`).
    pub const STD: Floats = Floats {
        parse: |text| text.parse().ok(),
        write: |n, out| {
            use std::fmt::Write;
            let _ = write!(out, "{n}");
        },
    };
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset of the problem in the text.
    pub offset: usize,
    /// What is wrong there.
    pub reason: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} at byte {}", self.reason, self.offset)
    }
}

impl std::error::Error for JsonError {}

/// Parses JSON text into a [`Value`]. Whitespace may surround the value;
/// nothing else may follow it. Never panics.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    parse_with(text, Floats::STD)
}

/// [`parse`], with `floats` reading numbers other than safe integers.
pub fn parse_with(text: &str, floats: Floats) -> Result<Value, JsonError> {
    parse_noting(text, floats).map(|(value, _)| value)
}

/// [`parse_with`], and where the first lone surrogate (read as U+FFFD)
/// was: the path of its string (`data[0].name`; a key's own path when the
/// key held it; empty for a string that is the whole text), or `None`.
pub fn parse_noting(text: &str, floats: Floats) -> Result<(Value, Option<String>), JsonError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        floats,
        saw_lone: false,
        lone: None,
    };
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("unexpected text after the JSON value"));
    }
    Ok((value, parser.lone.map(Lone::render)))
}

/// Where the first lone surrogate was, collected as the parser returns
/// from the containers around it.
struct Lone {
    /// Keys and indices, innermost first.
    path: Vec<Step>,
    /// The depth of the container that adds the next step (0: none left).
    pending: usize,
}

enum Step {
    Key(String),
    Index(usize),
}

impl Lone {
    fn render(self) -> String {
        let mut out = String::new();
        for step in self.path.into_iter().rev() {
            match step {
                Step::Key(key) if out.is_empty() => out.push_str(&key),
                Step::Key(key) => {
                    out.push('.');
                    out.push_str(&key);
                }
                Step::Index(i) => {
                    out.push('[');
                    out.push_str(&crate::text::text!(i));
                    out.push(']');
                }
            }
        }
        out
    }
}

/// The parser comparison of issue 17 (feature `json-serde-json`,
/// bench/OPTIMISATIONS.md): serde_json into [`Value`] through its
/// `Deserialize` impl.
#[cfg(feature = "json-serde-json")]
pub fn parse_serde_json(text: &str) -> Result<Value, JsonError> {
    serde_json::from_str(text).map_err(|_| JsonError {
        offset: 0,
        reason: "not JSON",
    })
}

/// The parser comparison of issue 17 (feature `json-miniserde`):
/// miniserde's own value, converted into [`Value`].
#[cfg(feature = "json-miniserde")]
pub fn parse_miniserde(text: &str) -> Result<Value, JsonError> {
    use miniserde::json::{Number, Value as Mini};
    fn convert(value: Mini) -> Value {
        match value {
            Mini::Null => Value::Null,
            Mini::Bool(b) => Value::Bool(b),
            Mini::Number(Number::U64(n)) => Value::Number(n as f64),
            Mini::Number(Number::I64(n)) => Value::Number(n as f64),
            Mini::Number(Number::F64(n)) => Value::Number(n),
            Mini::String(s) => Value::String(s),
            Mini::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
            Mini::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    miniserde::json::from_str::<Mini>(text)
        .map(convert)
        .map_err(|_| JsonError {
            offset: 0,
            reason: "not JSON",
        })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    floats: Floats,
    /// A lone surrogate was read (and not yet placed in [`Parser::lone`]).
    saw_lone: bool,
    /// Where the first one was.
    lone: Option<Lone>,
}

impl<'a> Parser<'a> {
    /// After a string at `depth` (its containers) was read: if it held the
    /// first lone surrogate, starts its path (`key`: the key that held it).
    #[inline(always)]
    fn note_string(&mut self, depth: usize, key: Option<&str>) {
        if self.saw_lone && self.lone.is_none() {
            let path = key.map(|k| Step::Key(k.to_owned())).into_iter().collect();
            self.lone = Some(Lone {
                path,
                pending: depth,
            });
        }
    }

    /// After the child at `depth + 1` was read under `step`: adds `step`
    /// to the path if the lone surrogate's path passes through here.
    #[inline(always)]
    fn note_child(&mut self, depth: usize, step: impl FnOnce() -> Step) {
        if let Some(lone) = &mut self.lone {
            if lone.pending == depth + 1 {
                lone.path.push(step());
                lone.pending = depth;
            }
        }
    }

    fn error(&self, reason: &'static str) -> JsonError {
        JsonError {
            offset: self.pos,
            reason,
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// `text[start..end]`; both ends always fall on ASCII bytes here, so the
    /// `None` arm only guards against a bug, never against input.
    fn slice(&self, start: usize) -> Result<&'a str, JsonError> {
        let text = self.text;
        text.get(start..self.pos)
            .ok_or_else(|| self.error("invalid UTF-8 boundary"))
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let string = self.string()?;
                self.note_string(depth, None);
                Ok(Value::String(string))
            }
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a JSON value")),
            None => Err(self.error("unexpected end of JSON")),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn nest(&mut self, depth: usize) -> Result<(), JsonError> {
        if depth >= MAX_DEPTH {
            return Err(self.error("JSON nested too deeply"));
        }
        self.pos += 1;
        self.skip_whitespace();
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.nest(depth)?;
        let mut entries: Vec<(Key, Value)> = Vec::with_capacity(8);
        if self.eat(b'}') {
            return Ok(Value::Object(Map::new()));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key"));
            }
            let key = self.key()?;
            self.note_string(depth, Some(&key));
            self.skip_whitespace();
            if !self.eat(b':') {
                return Err(self.error("expected ':'"));
            }
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            self.note_child(depth, || Step::Key(String::from(&*key)));
            entries.push((key, value));
            self.skip_whitespace();
            if self.eat(b'}') {
                return Ok(Value::Object(Map::from_entries(entries)));
            }
            if !self.eat(b',') {
                return Err(self.error("expected ',' or '}'"));
            }
            self.skip_whitespace();
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.nest(depth)?;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            let item = self.value(depth + 1)?;
            self.note_child(depth, || Step::Index(items.len()));
            items.push(item);
            self.skip_whitespace();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.error("expected ',' or ']'"));
            }
            self.skip_whitespace();
        }
    }

    /// A string, the opening quote at `pos`.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            self.pos = plain_run_end(self.bytes, start);
            let piece = self.slice(start)?;
            if out.is_empty() && self.peek() == Some(b'"') {
                // No escapes (the usual case): one exact allocation.
                self.pos += 1;
                return Ok(piece.to_owned());
            }
            out.push_str(piece);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    /// An object key, the opening quote at `pos`. One of the API's own names
    /// ([`crate::model::api_name`]) is stored without allocating.
    fn key(&mut self) -> Result<Cow<'static, str>, JsonError> {
        let start = self.pos + 1;
        let end = plain_run_end(self.bytes, start);
        if self.bytes.get(end) != Some(&b'"') {
            // Escapes (or an unterminated key): the general string path.
            return self.string().map(Cow::Owned);
        }
        self.pos = end;
        let raw = self.slice(start)?;
        self.pos = end + 1;
        Ok(match crate::model::api_name(raw) {
            Some(name) => Cow::Borrowed(name),
            None => Cow::Owned(raw.to_owned()),
        })
    }

    /// The character of an escape, the byte after `\` at `pos`.
    fn escape(&mut self) -> Result<char, JsonError> {
        let byte = self
            .peek()
            .ok_or_else(|| self.error("unterminated string"))?;
        self.pos += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                if !(0xD800..0xDC00).contains(&unit) {
                    // A lone low surrogate has no char: U+FFFD.
                    let char = char::from_u32(unit);
                    self.saw_lone |= char.is_none();
                    return Ok(char.unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                let resume = self.pos;
                if self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u") {
                    self.pos += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    }
                    // Not a pair: the second escape stands on its own.
                    self.pos = resume;
                }
                self.saw_lone = true;
                char::REPLACEMENT_CHARACTER
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.error("expected four hex digits"))?;
            unit = unit * 16 + digit;
            self.pos += 1;
        }
        Ok(unit)
    }

    fn digits(&mut self) -> Result<(), JsonError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.error("expected a digit"));
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        self.eat(b'-');
        if !self.eat(b'0') {
            self.digits()?;
        }
        let mut whole = true;
        if self.eat(b'.') {
            whole = false;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            whole = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        let text = self.slice(start)?;
        // Up to 15 digits is exact in an i64 and in an f64: skip float parsing.
        let digits = text.trim_start_matches('-');
        let n = if whole && digits.len() <= 15 {
            let magnitude = digits
                .bytes()
                .fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
            let n = magnitude as f64;
            // `-0` stays negative zero, as in JSON.parse.
            if text.starts_with('-') {
                -n
            } else {
                n
            }
        } else {
            (self.floats.parse)(text).ok_or_else(|| self.error("invalid number"))?
        };
        if !n.is_finite() {
            return Err(JsonError {
                offset: start,
                reason: "number out of range",
            });
        }
        Ok(Value::Number(n))
    }
}

/// Where the run of string bytes from `start` that need no unescaping ends:
/// at a quote, a backslash, a control byte or the end of the text.
///
/// A plain loop: at `opt-level = "z"` an iterator adapter with a closure
/// costs a function call per byte.
fn plain_run_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

/// Compact JSON text, the same text `JSON.stringify` produces for it.
pub fn to_string(value: &Value) -> String {
    to_string_with(value, Floats::STD)
}

impl Value {
    /// Writes compact JSON (the same text `JSON.stringify` produces).
    pub fn to_json(&self) -> String {
        to_string(self)
    }
}

/// [`to_string`], with `floats` writing numbers other than safe integers.
pub fn to_string_with(value: &Value, floats: Floats) -> String {
    let mut out = String::with_capacity(256);
    write(value, &mut out, floats);
    out
}

fn write(value: &Value, out: &mut String, floats: Floats) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(*n, out, floats),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out, floats);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write(v, out, floats);
            }
            out.push('}');
        }
    }
}

fn write_number(n: f64, out: &mut String, floats: Floats) {
    if !n.is_finite() {
        // JSON has no NaN or Infinity; JSON.stringify writes null.
        out.push_str("null");
    } else if n.fract() == 0.0 && n.abs() < MAX_SAFE_INTEGER {
        // Integer printing of our own: no `core::fmt` in the module.
        crate::text::Piece::push_to(&(n as i64), out);
    } else {
        (floats.write)(n, out);
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    // A plain loop, for the same reason as in `plain_run_end`.
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        // `get`, not indexing: no panic path (whose message formatting would
        // bring debug-only Unicode tables into the wasm).
        out.push_str(s.get(start..i - 1).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(escape);
        }
        start = i;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}
