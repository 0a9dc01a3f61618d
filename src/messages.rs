//! Problem messages in the user's language: English, Dutch, German, French
//! and Spanish, one sentence per [`ProblemCode`] and [`Locale`].
//!
//! The rules write their messages in English, with every detail they know
//! (`"Not a usual NL postal code (e.g. 1234 AB)"`); that text is the
//! message in English. [`localize`] gives the message in another language
//! from the problem's `code`, its `param` (the field), the field's length
//! limit from the customer field table and the problem's language-neutral
//! [`hint`](FieldError::hint) (a field or type name it probably meant, an
//! example of the expected format, a count). The table's English column is
//! the same sentences without the rule-specific detail; the tests hold every
//! other column to its placeholders.
//!
//! Problems returned by the server (without a `code`) keep the server's
//! message.

use crate::error::{FieldError, ProblemCode, MAX_PROBLEMS};
use crate::text::{replace, text, trim_js};

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
/// count), `{detail}` the second detail (a postal code's country, a tax
/// id's type).
pub type Template = (&'static str, &'static str);

/// The template for `code` in `locale`.
pub fn template(code: ProblemCode, locale: Locale) -> Template {
    use Locale::*;
    use ProblemCode::*;
    match (code, locale) {
        (NotAnObject, En) => ("The patch must be an object", ""),
        (NotAnObject, Nl) => ("De wijziging moet een object zijn", ""),
        (NotAnObject, De) => ("Die Änderung muss ein Objekt sein", ""),
        (NotAnObject, Fr) => ("La modification doit être un objet", ""),
        (NotAnObject, Es) => ("El cambio debe ser un objeto", ""),

        (EmptyPatch, En) => ("The patch must change at least one field", ""),
        (EmptyPatch, Nl) => ("De wijziging moet minstens één veld wijzigen", ""),
        (EmptyPatch, De) => ("Die Änderung muss mindestens ein Feld ändern", ""),
        (EmptyPatch, Fr) => ("La modification doit changer au moins un champ", ""),
        (EmptyPatch, Es) => ("El cambio debe modificar al menos un campo", ""),

        (UnknownField, En) => ("Unknown field {field}", "; did you mean {hint}?"),
        (UnknownField, Nl) => ("Onbekend veld {field}", "; bedoelde u {hint}?"),
        (UnknownField, De) => ("Unbekanntes Feld {field}", "; meinten Sie {hint}?"),
        (UnknownField, Fr) => ("Champ inconnu {field}", " ; vouliez-vous dire {hint} ?"),
        (UnknownField, Es) => ("Campo desconocido {field}", "; ¿quería decir {hint}?"),

        (ReadOnlyField, En) => ("{field} is read-only and is set by the server", ""),
        (ReadOnlyField, Nl) => ("{field} is alleen-lezen en wordt door de server gezet", ""),
        (ReadOnlyField, De) => (
            "{field} ist schreibgeschützt und wird vom Server gesetzt",
            "",
        ),
        (ReadOnlyField, Fr) => ("{field} est en lecture seule et défini par le serveur", ""),
        (ReadOnlyField, Es) => ("{field} es de solo lectura y lo define el servidor", ""),

        (InvalidType, En) => ("{field} has the wrong type", ""),
        (InvalidType, Nl) => ("{field} heeft het verkeerde type", ""),
        (InvalidType, De) => ("{field} hat den falschen Typ", ""),
        (InvalidType, Fr) => ("{field} n'a pas le bon type", ""),
        (InvalidType, Es) => ("{field} tiene un tipo incorrecto", ""),

        (EmailRequired, En) => ("An email address is required: it cannot be cleared", ""),
        (EmailRequired, Nl) => (
            "Een e-mailadres is verplicht: het kan niet worden gewist",
            "",
        ),
        (EmailRequired, De) => (
            "Eine E-Mail-Adresse ist erforderlich: sie kann nicht gelöscht werden",
            "",
        ),
        (EmailRequired, Fr) => (
            "Une adresse e-mail est obligatoire : elle ne peut pas être effacée",
            "",
        ),
        (EmailRequired, Es) => (
            "Se requiere una dirección de correo electrónico: no se puede borrar",
            "",
        ),

        (ControlCharacter, En) => (
            "Must not contain control characters (such as line breaks or tabs)",
            "",
        ),
        (ControlCharacter, Nl) => (
            "Mag geen stuurtekens bevatten (zoals regeleinden of tabs)",
            "",
        ),
        (ControlCharacter, De) => (
            "Darf keine Steuerzeichen enthalten (wie Zeilenumbrüche oder Tabs)",
            "",
        ),
        (ControlCharacter, Fr) => (
            "Ne doit pas contenir de caractères de contrôle (sauts de ligne, tabulations…)",
            "",
        ),
        (ControlCharacter, Es) => (
            "No debe contener caracteres de control (como saltos de línea o tabulaciones)",
            "",
        ),

        (InvalidUnicode, En) => ("Contains a broken character (half an emoji or symbol)", ""),
        (InvalidUnicode, Nl) => ("Bevat een beschadigd teken (een half emoji of symbool)", ""),
        (InvalidUnicode, De) => (
            "Enthält ein defektes Zeichen (ein halbes Emoji oder Symbol)",
            "",
        ),
        (InvalidUnicode, Fr) => (
            "Contient un caractère cassé (la moitié d'un emoji ou d'un symbole)",
            "",
        ),
        (InvalidUnicode, Es) => ("Contiene un carácter roto (medio emoji o símbolo)", ""),

        (UnsupportedValue, En) => ("This value cannot be sent as JSON", ""),
        (UnsupportedValue, Nl) => ("Deze waarde kan niet als JSON worden verstuurd", ""),
        (UnsupportedValue, De) => ("Dieser Wert kann nicht als JSON gesendet werden", ""),
        (UnsupportedValue, Fr) => ("Cette valeur ne peut pas être envoyée en JSON", ""),
        (UnsupportedValue, Es) => ("Este valor no se puede enviar como JSON", ""),

        (InvalidCustomerId, En) => ("Not a usable customer id", ""),
        (InvalidCustomerId, Nl) => ("Geen bruikbaar klant-id", ""),
        (InvalidCustomerId, De) => ("Keine verwendbare Kunden-ID", ""),
        (InvalidCustomerId, Fr) => ("Identifiant client inutilisable", ""),
        (InvalidCustomerId, Es) => ("No es un id de cliente utilizable", ""),

        (InvalidOption, En) => ("Invalid option {field}", ""),
        (InvalidOption, Nl) => ("Ongeldige optie {field}", ""),
        (InvalidOption, De) => ("Ungültige Option {field}", ""),
        (InvalidOption, Fr) => ("Option invalide {field}", ""),
        (InvalidOption, Es) => ("Opción no válida {field}", ""),

        (InvalidInput, En) => (
            "Invalid input {field}",
            ": larger than {hint} characters, nothing was read",
        ),
        (InvalidInput, Nl) => (
            "Ongeldige invoer {field}",
            ": groter dan {hint} tekens, niets gelezen",
        ),
        (InvalidInput, De) => (
            "Ungültige Eingabe {field}",
            ": größer als {hint} Zeichen, nichts gelesen",
        ),
        (InvalidInput, Fr) => (
            "Entrée invalide {field}",
            " : plus de {hint} caractères, rien n'a été lu",
        ),
        (InvalidInput, Es) => (
            "Entrada no válida {field}",
            ": más de {hint} caracteres, no se leyó nada",
        ),

        (TooManyProblems, En) => (
            "More problems not listed (at most {limit} are)",
            ": {count}",
        ),
        (TooManyProblems, Nl) => ("Meer problemen niet getoond (hooguit {limit})", ": {count}"),
        (TooManyProblems, De) => (
            "Weitere Probleme nicht aufgeführt (höchstens {limit})",
            ": {count}",
        ),
        (TooManyProblems, Fr) => (
            "Autres problèmes non listés (au plus {limit})",
            " : {count}",
        ),
        (TooManyProblems, Es) => (
            "Más problemas no listados (como máximo {limit})",
            ": {count}",
        ),

        (InvalidEmail, En) => ("Not a valid email address", ""),
        (InvalidEmail, Nl) => ("Geen geldig e-mailadres", ""),
        (InvalidEmail, De) => ("Keine gültige E-Mail-Adresse", ""),
        (InvalidEmail, Fr) => ("Adresse e-mail invalide", ""),
        (InvalidEmail, Es) => ("No es una dirección de correo electrónico válida", ""),

        (InvalidPhone, En) => ("Not a valid phone number (e.g. +31 20 123 4567)", ""),
        (InvalidPhone, Nl) => ("Geen geldig telefoonnummer (bijv. +31 20 123 4567)", ""),
        (InvalidPhone, De) => ("Keine gültige Telefonnummer (z. B. +31 20 123 4567)", ""),
        (InvalidPhone, Fr) => ("Numéro de téléphone invalide (ex. +31 20 123 4567)", ""),
        (InvalidPhone, Es) => (
            "No es un número de teléfono válido (p. ej. +31 20 123 4567)",
            "",
        ),

        (InvalidCountry, En) => (
            "Not an ISO 3166-1 alpha-2 country code (e.g. NL, US or GB)",
            "",
        ),
        (InvalidCountry, Nl) => ("Geen ISO 3166-1 alpha-2 landcode (bijv. NL, US of GB)", ""),
        (InvalidCountry, De) => (
            "Kein ISO-3166-1-Alpha-2-Ländercode (z. B. NL, US oder GB)",
            "",
        ),
        (InvalidCountry, Fr) => ("Pas un code pays ISO 3166-1 alpha-2 (ex. NL, US ou GB)", ""),
        (InvalidCountry, Es) => (
            "No es un código de país ISO 3166-1 alfa-2 (p. ej. NL, US o GB)",
            "",
        ),

        (PostalCodeFormat, En) => ("Not a usual postal code for {detail}", " (e.g. {hint})"),
        (PostalCodeFormat, Nl) => (
            "Geen gebruikelijke postcode voor {detail}",
            " (bijv. {hint})",
        ),
        (PostalCodeFormat, De) => ("Keine übliche Postleitzahl für {detail}", " (z. B. {hint})"),
        (PostalCodeFormat, Fr) => ("Code postal inhabituel pour {detail}", " (ex. {hint})"),
        (PostalCodeFormat, Es) => (
            "No es un código postal habitual para {detail}",
            " (p. ej. {hint})",
        ),

        (TaxIdFormat, En) => ("Not a usual tax id of type {detail}", " (e.g. {hint})"),
        (TaxIdFormat, Nl) => (
            "Geen gebruikelijk btw-/belastingnummer van type {detail}",
            " (bijv. {hint})",
        ),
        (TaxIdFormat, De) => (
            "Keine übliche Steuernummer des Typs {detail}",
            " (z. B. {hint})",
        ),
        (TaxIdFormat, Fr) => (
            "Numéro fiscal inhabituel pour le type {detail}",
            " (ex. {hint})",
        ),
        (TaxIdFormat, Es) => (
            "No es un número fiscal habitual del tipo {detail}",
            " (p. ej. {hint})",
        ),

        (TaxIdType, En) => ("Not a valid tax id type", "; did you mean {hint}?"),
        (TaxIdType, Nl) => ("Geen geldig type belastingnummer", "; bedoelde u {hint}?"),
        (TaxIdType, De) => ("Kein gültiger Steuernummerntyp", "; meinten Sie {hint}?"),
        (TaxIdType, Fr) => (
            "Type de numéro fiscal invalide",
            " ; vouliez-vous dire {hint} ?",
        ),
        (TaxIdType, Es) => (
            "No es un tipo de número fiscal válido",
            "; ¿quería decir {hint}?",
        ),

        (TaxIdPair, En) => ("Tax id and tax id type are usually set together", ""),
        (TaxIdPair, Nl) => ("Belastingnummer en type worden meestal samen ingevuld", ""),
        (TaxIdPair, De) => ("Steuernummer und Typ werden meist zusammen angegeben", ""),
        (TaxIdPair, Fr) => (
            "Le numéro fiscal et son type vont généralement ensemble",
            "",
        ),
        (TaxIdPair, Es) => ("El número fiscal y su tipo suelen indicarse juntos", ""),

        (TooLong, En) => ("Usually at most {limit} characters", " (got {count})"),
        (TooLong, Nl) => ("Meestal hooguit {limit} tekens", " (nu {count})"),
        (TooLong, De) => ("Üblicherweise höchstens {limit} Zeichen", " (hier {count})"),
        (TooLong, Fr) => ("Généralement au plus {limit} caractères", " (ici {count})"),
        (TooLong, Es) => (
            "Normalmente como máximo {limit} caracteres",
            " (aquí {count})",
        ),
    }
}

/// `error`'s message in `locale`: in English the rule's own message; in
/// another language the [`template`] filled in. A problem without a code
/// (the server's) keeps its message.
pub fn localize(error: &FieldError, locale: Locale) -> String {
    let Some(code) = error.code else {
        return error.message.clone();
    };
    if locale == Locale::En && !error.message.is_empty() {
        return error.message.clone();
    }
    let (sentence, with_hint) = template(code, locale);
    let key = error.param.rsplit('.').next().unwrap_or_default();
    let limit = match code {
        ProblemCode::TooManyProblems => Some(MAX_PROBLEMS),
        _ => crate::rules::max_chars(key),
    };
    let mut out = fill(sentence, error, limit);
    if let Some(hint) = error.hint.as_deref().map(trim_js).filter(|h| !h.is_empty()) {
        if !with_hint.is_empty() {
            out.push_str(&replace(
                &replace(&fill(with_hint, error, limit), "{hint}", hint),
                "{count}",
                hint,
            ));
        }
    }
    // A field-less problem leaves no dangling space before its placeholder.
    out.trim_end().to_owned()
}

/// `template` with `{field}`, `{detail}` and `{limit}` filled in (a
/// missing detail leaves no placeholder).
fn fill(template: &str, error: &FieldError, limit: Option<usize>) -> String {
    let detail = error.detail.as_deref().map_or("?", String::as_str);
    let mut out = replace(
        &replace(template, "{field}", &error.param),
        "{detail}",
        detail,
    );
    if let Some(limit) = limit {
        out = replace(&out, "{limit}", &text!(limit));
    }
    out
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
        .with_hint("262144");
        assert_eq!(
            localize(&big, Locale::Fr),
            "Entrée invalide name : plus de 262144 caractères, rien n'a été lu"
        );
    }
}
