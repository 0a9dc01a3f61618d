//! Problem messages in the user's language: English, Dutch, German, French
//! and Spanish, one sentence per [`ProblemCode`] (and per [`Wording`], where
//! a code has more than one) and [`Locale`].
//!
//! The rules write their messages in English, with every detail they know
//! (`"Not a usual NL postal code (e.g. 1234 AB)"`); that text is the
//! message in English. [`localize`] gives the message in another language
//! from the problem's `code` or `wording`, its `param` (the field), the
//! field's length limit from the customer field table and the problem's
//! language-neutral [`hint`](FieldError::hint) and
//! [`detail`](FieldError::detail) (a field or type name it probably meant,
//! an example of the expected format, a count, a type, a key). The
//! templates' English column is the same sentences; the tests hold every
//! other column to its placeholders and to the values the English
//! messages name.
//!
//! The templates live in one file, `js/messages.js`, by wire name: natively
//! the core reads its JSON (`include_str!`); the WebAssembly shell installs
//! the JavaScript lookup with [`set_text_source`], so the module does not
//! carry them. Measured on the release module: with the texts compiled in
//! 267,406 bytes, without them 243,657, which keeps it under webpack's
//! 244 KiB asset size hint (the webpack fixture of `tests/packaging` fails
//! on any warning).
//!
//! Problems returned by the server (without a `code`) keep the server's
//! message.

use crate::error::{FieldError, ProblemCode, Wording, MAX_PROBLEMS};
use crate::text::trim_js;

/// A language for problem messages (the `locale` option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// English (`"en"`), the default and the fallback for any other tag.
    #[default]
    En,
    /// Dutch (`"nl"`).
    Nl,
    /// German (`"de"`).
    De,
    /// French (`"fr"`).
    Fr,
    /// Spanish (`"es"`).
    Es,
}

impl Locale {
    /// Every locale, English first.
    pub const ALL: [Locale; 5] = [Locale::En, Locale::Nl, Locale::De, Locale::Fr, Locale::Es];

    /// The language tag (`"en"`, `"nl"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// The locale of a BCP 47 language tag by its primary language subtag,
    /// any case, spaces around it ignored (`"nl"`, `"nl-BE"`, `"DE_at"`,
    /// `"fr-CA"`, `" nl "`); English for
    /// any other language and for anything that is not a tag.
    pub fn from_tag(tag: &str) -> Locale {
        let language = trim_js(tag).split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| language.eq_ignore_ascii_case(locale.as_str()))
            .unwrap_or_default()
    }
}

/// A message template: the sentence, and what follows it when the problem
/// has a [`hint`](FieldError::hint) (empty when a hint adds nothing).
///
/// Placeholders: `{field}` the problem's `param` (dotted: `address.city`),
/// `{limit}` the field's usual maximum length (from the field table) or the
/// most problems listed, `{hint}` the hint (`{count}` where the hint is a
/// count; in the sentence, a value the message always has), `{detail}` the
/// second detail (a postal code's country, a tax id's type, the JSON type
/// expected where the hint is the one received). Other braces (`{}`) are
/// text.
pub type Template = (String, String);

/// Where the templates come from: the one of `name` (a [`ProblemCode`] or
/// [`Wording`] wire name) in `locale`, or `None` for a name it does not
/// know.
pub type TextSource = fn(name: &str, locale: Locale) -> Option<Template>;

static SOURCE: std::sync::OnceLock<TextSource> = std::sync::OnceLock::new();

/// Installs the platform's source of templates (the WebAssembly shell's
/// JavaScript lookup in `js/messages.js`); the first call wins. Returns
/// whether this call installed it. Natively the core reads that file
/// itself.
pub fn set_text_source(source: TextSource) -> bool {
    SOURCE.set(source).is_ok()
}

fn lookup(name: &str, locale: Locale) -> Template {
    let found = match SOURCE.get() {
        Some(source) => source(name, locale),
        None => native(name, locale),
    };
    found.unwrap_or_default()
}

/// `js/messages.js`'s templates, read from its JSON object (between the
/// `BEGIN JSON` and `END JSON` markers), by name.
#[cfg(not(target_arch = "wasm32"))]
fn native(name: &str, locale: Locale) -> Option<Template> {
    use std::sync::OnceLock;
    static TEXTS: OnceLock<crate::value::Map> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let file = include_str!("../js/messages.js");
        let json = file
            .split_once("/* BEGIN JSON */")
            .and_then(|(_, rest)| rest.split_once("/* END JSON */"))
            .map_or("", |(json, _)| json);
        match crate::json::parse(json) {
            Ok(crate::value::Value::Object(map)) => map,
            _ => crate::value::Map::new(),
        }
    });
    use crate::value::Value;
    let Some(Value::Array(locales)) = texts.get(name) else {
        return None;
    };
    match locales.get(locale as usize) {
        Some(Value::Array(pair)) => match pair.as_slice() {
            [Value::String(sentence), Value::String(with_hint)] => {
                Some((sentence.clone(), with_hint.clone()))
            }
            _ => None,
        },
        _ => None,
    }
}

/// In WebAssembly the texts are not compiled in: only [`set_text_source`]'s.
#[cfg(target_arch = "wasm32")]
fn native(_name: &str, _locale: Locale) -> Option<Template> {
    None
}

/// The template for `code`'s usual message in `locale`.
pub fn template(code: ProblemCode, locale: Locale) -> Template {
    lookup(code.as_str(), locale)
}

/// The template of a problem whose message is `wording` (see
/// [`FieldError::wording`]), in `locale`: the same placeholders as in
/// [`template`].
pub fn wording_template(wording: Wording, locale: Locale) -> Template {
    lookup(wording.as_str(), locale)
}

/// `error`'s message in `locale`: in English the rule's own message; in
/// another language the template of its [`wording`](FieldError::wording)
/// or, without one, of its code, filled in. A problem without a code (the
/// server's) keeps its message.
pub fn localize(error: &FieldError, locale: Locale) -> String {
    let Some(code) = error.code else {
        return error.message.clone();
    };
    if locale == Locale::En && !error.message.is_empty() {
        return error.message.clone();
    }
    let (sentence, with_hint) = match error.wording {
        Some(wording) => wording_template(wording, locale),
        None => template(code, locale),
    };
    let key = error.param.rsplit('.').next().unwrap_or_default();
    let limit = match code {
        ProblemCode::TooManyProblems => Some(MAX_PROBLEMS),
        _ => crate::rules::max_chars(key),
    };
    let limit = limit.map(|limit| decimal(u32::try_from(limit).unwrap_or(u32::MAX)));
    let hint = error.hint.as_deref().map(trim_js).filter(|h| !h.is_empty());
    let mut out = String::new();
    fill(&mut out, &sentence, error, limit.as_deref(), hint);
    if hint.is_some() {
        fill(&mut out, &with_hint, error, limit.as_deref(), hint);
    }
    // A field-less problem leaves no dangling space before its placeholder.
    out.truncate(out.trim_end().len());
    out
}

/// `template` with its placeholders filled in, onto `out`, in one pass (a
/// value holding a placeholder's name is not filled in again); a missing
/// value is `?`.
fn fill(
    out: &mut String,
    template: &str,
    error: &FieldError,
    limit: Option<&str>,
    hint: Option<&str>,
) {
    let detail = error.detail.as_deref().map(String::as_str);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(rest.get(..at).unwrap_or_default());
        rest = rest.get(at..).unwrap_or_default();
        let placeholders = [
            ("{field}", Some(error.param.as_str())),
            ("{detail}", detail),
            ("{hint}", hint),
            ("{count}", hint),
            ("{limit}", limit),
        ];
        match placeholders.iter().find(|(name, _)| rest.starts_with(name)) {
            Some((name, value)) => {
                out.push_str(value.unwrap_or("?"));
                rest = rest.get(name.len()..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = rest.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
}

/// `n` in decimal digits, for a detail (without `core::fmt`, which would
/// bring its number formatting into the module).
pub(crate) fn decimal(mut n: u32) -> String {
    let mut digits = Vec::with_capacity(10);
    loop {
        digits.push(char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// `errors` with their messages in `locale` (see [`localize`]).
pub fn localized(mut errors: Vec<FieldError>, locale: Locale) -> Vec<FieldError> {
    localize_all(&mut errors, locale);
    errors
}

/// Every message of `errors` in `locale` (see [`localize`]).
pub fn localize_all(errors: &mut [FieldError], locale: Locale) {
    if locale == Locale::En {
        return;
    }
    for error in errors {
        error.message = localize(error, locale);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    #[test]
    fn decimal_digits() {
        for n in [0, 7, 10, 64, 100_000, 262_144, u32::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn js_messages_holds_every_code_and_wording_in_every_locale() {
        let file = include_str!("../js/messages.js");
        let json = (file.split_once("/* BEGIN JSON */"))
            .and_then(|(_, rest)| rest.split_once("/* END JSON */"))
            .map(|(json, _)| json)
            .expect("the JSON markers");
        let crate::value::Value::Object(texts) = crate::json::parse(json).expect("JSON") else {
            panic!("not an object");
        };
        let names: Vec<&str> = texts.iter().map(|(name, _)| name).collect();
        let expected: Vec<&str> = (ProblemCode::ALL.iter().map(|c| c.as_str()))
            .chain(Wording::ALL.iter().map(|w| w.as_str()))
            .collect();
        assert_eq!(names, expected, "the codes, then the wordings, in order");
        for (at, locale) in Locale::ALL.into_iter().enumerate() {
            assert_eq!(locale as usize, at);
        }
        for (name, value) in texts.iter() {
            let crate::value::Value::Array(pairs) = value else {
                panic!("{name}: not an array");
            };
            assert_eq!(pairs.len(), Locale::ALL.len(), "{name}");
            for pair in pairs {
                let crate::value::Value::Array(pair) = pair else {
                    panic!("{name}: not a pair");
                };
                assert_eq!(pair.len(), 2, "{name}");
                for text in pair {
                    // The JavaScript lookup joins the two with a NUL.
                    assert!(!text.as_str().expect(name).contains('\u{0}'), "{name}");
                }
            }
        }
    }

    #[test]
    fn tags_choose_by_primary_language() {
        assert_eq!(Locale::from_tag("nl-BE"), Locale::Nl);
        assert_eq!(Locale::from_tag("DE_at"), Locale::De);
        assert_eq!(Locale::from_tag("fr"), Locale::Fr);
        assert_eq!(Locale::from_tag("es-419"), Locale::Es);
        assert_eq!(Locale::from_tag("pt-BR"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
        assert_eq!(Locale::from_tag("english"), Locale::En);
        // Issue 25 trial F16: spaces around a tag do not change it.
        assert_eq!(Locale::from_tag("  nl  "), Locale::Nl);
    }

    #[test]
    fn values_are_filled_in() {
        let long = FieldError::problem(
            ProblemCode::TooLong,
            "address.city",
            "Usually at most 100 characters (got 120)",
            Value::String("x".repeat(120)),
        )
        .with_hint("120");
        assert_eq!(
            localize(&long, Locale::De),
            "Üblicherweise höchstens 100 Zeichen (hier 120)"
        );
        let unknown = FieldError::problem(
            ProblemCode::UnknownField,
            "emial",
            "Unknown field `emial`; did you mean `email`?",
            Value::Null,
        )
        .with_hint("email");
        assert_eq!(
            localize(&unknown, Locale::Nl),
            "Onbekend veld emial; bedoelde u email?"
        );
        assert_eq!(localize(&unknown, Locale::En), unknown.message);
    }

    #[test]
    fn issue25_f9_every_locale_names_the_country_and_type() {
        let value = crate::json::parse(
            r#"{"address":{"country":"NL","postalCode":"12"},"taxIdType":"eu_vat","taxId":"x1"}"#,
        )
        .expect("JSON");
        let problems = crate::rules::validate_patch(&value);
        for locale in Locale::ALL {
            let postal = problems
                .iter()
                .find(|p| p.code == Some(ProblemCode::PostalCodeFormat))
                .expect("postal");
            let tax = problems
                .iter()
                .find(|p| p.code == Some(ProblemCode::TaxIdFormat))
                .expect("tax");
            assert!(localize(postal, locale).contains("NL"), "{locale:?}");
            assert!(localize(tax, locale).contains("eu_vat"), "{locale:?}");
        }
        let big = FieldError::problem(
            ProblemCode::InvalidInput,
            "name",
            "Larger than 262144 characters (strings and keys count their length, other values 1); nothing was read",
            Value::Null,
        )
        .with_wording(Wording::TooLarge)
        .with_detail("262144");
        assert_eq!(
            localize(&big, Locale::Fr),
            "Plus de 262144 caractères (les chaînes et les clés comptent leur longueur, les \
             autres valeurs 1) ; rien n'a été lu"
        );
        // A value holding a placeholder's name is not filled in again.
        let odd = FieldError::problem(ProblemCode::UnknownField, "{hint}", "", Value::Null)
            .with_hint("{field}");
        assert_eq!(
            localize(&odd, Locale::Nl),
            "Onbekend veld {hint}; bedoelde u {field}?"
        );
    }
}
