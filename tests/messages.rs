//! Issue 25: every problem code has a message in every locale, none empty,
//! and each translation mentions exactly what the English one does
//! (`{field}`, `{limit}`, `{hint}`, `{count}`), so no value is lost in
//! translation.

use checkoutpage::messages::{localize, template, Locale};
use checkoutpage::{FieldError, ProblemCode, Value};

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = ["{field}", "{limit}", "{hint}", "{count}"]
        .into_iter()
        .filter(|p| text.contains(p))
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_code_has_a_message_in_every_locale() {
    for &code in ProblemCode::ALL {
        let (english, english_hint) = template(code, Locale::En);
        for locale in Locale::ALL {
            let (sentence, with_hint) = template(code, locale);
            let what = format!("{code:?} in {}", locale.as_str());
            assert!(!sentence.trim().is_empty(), "{what}: empty");
            assert_eq!(placeholders(sentence), placeholders(english), "{what}");
            assert_eq!(
                placeholders(with_hint),
                placeholders(english_hint),
                "{what} (hint)"
            );
            assert_eq!(
                with_hint.is_empty(),
                english_hint.is_empty(),
                "{what} (hint)"
            );
            if locale != Locale::En {
                assert_ne!(sentence, english, "{what}: not translated");
            }
            // Filled in, nothing is left to fill and nothing is empty.
            let problem = FieldError::problem(code, "address.city", "", Value::Null).with_hint("7");
            let message = localize(&problem, locale);
            assert!(!message.trim().is_empty(), "{what}");
            assert!(
                !message.contains('{') && !message.contains('}'),
                "{what}: {message}"
            );
        }
    }
}

#[test]
fn an_unknown_locale_falls_back_to_english() {
    for tag in ["pt-BR", "zz", "", "en-GB", "EN"] {
        assert_eq!(Locale::from_tag(tag), Locale::En, "{tag}");
    }
    let problem = FieldError::problem(
        ProblemCode::InvalidEmail,
        "email",
        "Not a valid email address",
        Value::Null,
    );
    assert_eq!(
        localize(&problem, Locale::from_tag("pt-BR")),
        problem.message
    );
    assert_eq!(
        localize(&problem, Locale::from_tag("de-AT")),
        "Keine gültige E-Mail-Adresse"
    );
}
