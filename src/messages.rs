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
pub type Template = (&'static str, &'static str);

/// The template for `code` in `locale`.
pub fn template(code: ProblemCode, locale: Locale) -> Template {
    use Locale::*;
    use ProblemCode::*;
    match (code, locale) {
        (NotAnObject, En) => ("The patch must be an object", ", not {hint}"),
        (NotAnObject, Nl) => ("De wijziging moet een object zijn", ", geen {hint}"),
        (NotAnObject, De) => ("Die Änderung muss ein Objekt sein", ", kein {hint}"),
        (NotAnObject, Fr) => ("La modification doit être un objet", ", pas {hint}"),
        (NotAnObject, Es) => ("El cambio debe ser un objeto", ", no {hint}"),

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

        (InvalidType, En) => (
            "{field} has the wrong type: expected {detail}",
            ", got {hint}",
        ),
        (InvalidType, Nl) => (
            "{field} heeft het verkeerde type: verwacht {detail}",
            ", gekregen {hint}",
        ),
        (InvalidType, De) => (
            "{field} hat den falschen Typ: erwartet {detail}",
            ", erhalten {hint}",
        ),
        (InvalidType, Fr) => (
            "{field} n'a pas le bon type : attendu {detail}",
            ", reçu {hint}",
        ),
        (InvalidType, Es) => (
            "{field} tiene un tipo incorrecto: se esperaba {detail}",
            ", se recibió {hint}",
        ),

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

        (InvalidInput, En) => ("Invalid input {field}", ""),
        (InvalidInput, Nl) => ("Ongeldige invoer {field}", ""),
        (InvalidInput, De) => ("Ungültige Eingabe {field}", ""),
        (InvalidInput, Fr) => ("Entrée invalide {field}", ""),
        (InvalidInput, Es) => ("Entrada no válida {field}", ""),

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

        (InvalidPhone, En) => (
            "Not a valid phone number (expected digits with optional separators, a leading + \
             and an extension, e.g. +31 20 123 4567 ext. 12)",
            "",
        ),
        (InvalidPhone, Nl) => (
            "Geen geldig telefoonnummer (verwacht cijfers met eventuele scheidingstekens, een + \
             vooraan en een toestelnummer, bijv. +31 20 123 4567 ext. 12)",
            "",
        ),
        (InvalidPhone, De) => (
            "Keine gültige Telefonnummer (erwartet werden Ziffern mit optionalen Trennzeichen, \
             einem + am Anfang und einer Durchwahl, z. B. +31 20 123 4567 ext. 12)",
            "",
        ),
        (InvalidPhone, Fr) => (
            "Numéro de téléphone invalide (chiffres attendus, avec séparateurs facultatifs, un + \
             au début et un poste, ex. +31 20 123 4567 ext. 12)",
            "",
        ),
        (InvalidPhone, Es) => (
            "No es un número de teléfono válido (se esperaban dígitos con separadores \
             opcionales, un + inicial y una extensión, p. ej. +31 20 123 4567 ext. 12)",
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

        (TaxIdPair, En) => ("{field} is usually set with {detail}", ""),
        (TaxIdPair, Nl) => ("{field} wordt meestal samen met {detail} ingevuld", ""),
        (TaxIdPair, De) => ("{field} wird meist zusammen mit {detail} angegeben", ""),
        (TaxIdPair, Fr) => ("{field} va généralement avec {detail}", ""),
        (TaxIdPair, Es) => ("{field} suele indicarse junto con {detail}", ""),

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
    fill(&mut out, sentence, error, limit.as_deref(), hint);
    if hint.is_some() {
        fill(&mut out, with_hint, error, limit.as_deref(), hint);
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

/// The templates of every [`Wording`], in the order of [`Wording::ALL`],
/// each in the order of [`Locale::ALL`]: a table rather than a `match`, so
/// the module carries the sentences as data, not as code per sentence.
const WORDINGS: &[(Wording, [Template; 5])] = &[
    (
        Wording::EmailUseNull,
        [
            ("Not a valid email address; use null to clear {field}", ""),
            (
                "Geen geldig e-mailadres; gebruik null om {field} te wissen",
                "",
            ),
            (
                "Keine gültige E-Mail-Adresse; verwenden Sie null, um {field} zu leeren",
                "",
            ),
            (
                "Adresse e-mail invalide ; utilisez null pour effacer {field}",
                "",
            ),
            (
                "No es una dirección de correo electrónico válida; use null para borrar {field}",
                "",
            ),
        ],
    ),
    (
        Wording::FieldOneOf,
        [
            ("Unknown field {field}", "; expected one of {hint}"),
            ("Onbekend veld {field}", "; verwacht een van {hint}"),
            ("Unbekanntes Feld {field}", "; erwartet eines von {hint}"),
            ("Champ inconnu {field}", " ; attendu l'un de {hint}"),
            ("Campo desconocido {field}", "; se esperaba uno de {hint}"),
        ],
    ),
    (
        Wording::WouldErase,
        [
            (
                "{field} is stored on this customer but is not a field this SDK can send; the API \
                 replaces {detail} whole, so this change would erase it. Change it elsewhere, or \
                 leave {detail} unchanged",
                "",
            ),
            (
                "{field} is bij deze klant opgeslagen maar is geen veld dat deze SDK kan \
                 versturen; de API vervangt {detail} in zijn geheel, dus deze wijziging zou het \
                 wissen. Wijzig het elders, of laat {detail} ongewijzigd",
                "",
            ),
            (
                "{field} ist bei diesem Kunden gespeichert, aber kein Feld, das dieses SDK senden \
                 kann; die API ersetzt {detail} als Ganzes, diese Änderung würde es also löschen. \
                 Ändern Sie es anderswo, oder lassen Sie {detail} unverändert",
                "",
            ),
            (
                "{field} est enregistré pour ce client mais n'est pas un champ que ce SDK peut \
                 envoyer ; l'API remplace {detail} en entier, donc cette modification \
                 l'effacerait. Modifiez-le ailleurs, ou laissez {detail} inchangé",
                "",
            ),
            (
                "{field} está guardado en este cliente pero no es un campo que este SDK pueda \
                 enviar; la API reemplaza {detail} por completo, así que este cambio lo borraría. \
                 Cámbielo en otro lugar, o deje {detail} sin cambios",
                "",
            ),
        ],
    ),
    (
        Wording::FormNotObject,
        [
            ("The form's values must be an object", ", not {hint}"),
            (
                "De waarden van het formulier moeten een object zijn",
                ", geen {hint}",
            ),
            (
                "Die Werte des Formulars müssen ein Objekt sein",
                ", kein {hint}",
            ),
            (
                "Les valeurs du formulaire doivent être un objet",
                ", pas {hint}",
            ),
            (
                "Los valores del formulario deben ser un objeto",
                ", no {hint}",
            ),
        ],
    ),
    (
        Wording::NotACustomer,
        [
            ("Expected a customer object", ""),
            ("Verwacht een klantobject", ""),
            ("Erwartet wird ein Kundenobjekt", ""),
            ("Un objet client est attendu", ""),
            ("Se esperaba un objeto de cliente", ""),
        ],
    ),
    (
        Wording::NotADraft,
        [
            ("Expected a customer draft object", ""),
            ("Verwacht een klantconcept (een object)", ""),
            ("Erwartet wird ein Kundenentwurf (ein Objekt)", ""),
            ("Un brouillon de client (un objet) est attendu", ""),
            ("Se esperaba un borrador de cliente (un objeto)", ""),
        ],
    ),
    (
        Wording::Missing,
        [
            ("{field} is missing", ""),
            ("{field} ontbreekt", ""),
            ("{field} fehlt", ""),
            ("{field} est manquant", ""),
            ("Falta {field}", ""),
        ],
    ),
    (
        Wording::Unreadable,
        [
            ("Could not be read", ": {hint}"),
            ("Kon niet worden gelezen", ": {hint}"),
            ("Konnte nicht gelesen werden", ": {hint}"),
            ("Lecture impossible", " : {hint}"),
            ("No se pudo leer", ": {hint}"),
        ],
    ),
    (
        Wording::ToJsonThrew,
        [
            ("Its toJSON() threw", ": {hint}"),
            ("De toJSON() ervan gaf een fout", ": {hint}"),
            ("Sein toJSON() hat einen Fehler geworfen", ": {hint}"),
            ("Sa méthode toJSON() a levé une erreur", " : {hint}"),
            ("Su toJSON() lanzó un error", ": {hint}"),
        ],
    ),
    (
        Wording::TooLarge,
        [
            (
                "Larger than {detail} characters (strings and keys count their length, other \
                 values 1); nothing was read",
                "",
            ),
            (
                "Groter dan {detail} tekens (strings en sleutels tellen hun lengte, andere \
                 waarden 1); niets gelezen",
                "",
            ),
            (
                "Größer als {detail} Zeichen (Strings und Schlüssel zählen ihre Länge, andere \
                 Werte 1); nichts wurde gelesen",
                "",
            ),
            (
                "Plus de {detail} caractères (les chaînes et les clés comptent leur longueur, les \
                 autres valeurs 1) ; rien n'a été lu",
                "",
            ),
            (
                "Más de {detail} caracteres (las cadenas y las claves cuentan su longitud, los \
                 demás valores 1); no se leyó nada",
                "",
            ),
        ],
    ),
    (
        Wording::BulkTooLarge,
        [
            (
                "The items hold more than {detail} characters in all; this one was not read",
                "",
            ),
            (
                "De items bevatten samen meer dan {detail} tekens; dit item is niet gelezen",
                "",
            ),
            (
                "Die Einträge enthalten zusammen mehr als {detail} Zeichen; dieser wurde nicht \
                 gelesen",
                "",
            ),
            (
                "Les éléments contiennent plus de {detail} caractères au total ; celui-ci n'a pas \
                 été lu",
                "",
            ),
            (
                "Los elementos contienen más de {detail} caracteres en total; este no se leyó",
                "",
            ),
        ],
    ),
    (
        Wording::TooManyItems,
        [
            (
                "updateCustomers takes at most {detail} items; the iterable had more, and none \
                 after the first {detail} were sent: split the job",
                "",
            ),
            (
                "updateCustomers neemt hooguit {detail} items; de iterable had er meer, en na de \
                 eerste {detail} is niets verstuurd: splits de taak",
                "",
            ),
            (
                "updateCustomers nimmt höchstens {detail} Einträge; das Iterable hatte mehr, und \
                 nach den ersten {detail} wurde nichts gesendet: teilen Sie den Auftrag auf",
                "",
            ),
            (
                "updateCustomers accepte au plus {detail} éléments ; l'itérable en avait plus, et \
                 rien n'a été envoyé après les {detail} premiers : divisez la tâche",
                "",
            ),
            (
                "updateCustomers acepta como máximo {detail} elementos; el iterable tenía más, y \
                 no se envió ninguno después de los primeros {detail}: divida el trabajo",
                "",
            ),
        ],
    ),
    (
        Wording::AtMostItems,
        [
            ("Expected at most {detail} items", ""),
            ("Hooguit {detail} items verwacht", ""),
            ("Höchstens {detail} Einträge erwartet", ""),
            ("Au plus {detail} éléments attendus", ""),
            ("Se esperaban como máximo {detail} elementos", ""),
        ],
    ),
    (
        Wording::BulkItems,
        [
            (
                "Expected an array, an iterable or an async iterable of {customerId, patch}",
                "",
            ),
            (
                "Verwacht een array, een iterable of een async iterable van {customerId, patch}",
                "",
            ),
            (
                "Erwartet wird ein Array, ein Iterable oder ein asynchrones Iterable von \
                 {customerId, patch}",
                "",
            ),
            (
                "Un tableau, un itérable ou un itérable asynchrone de {customerId, patch} est \
                 attendu",
                "",
            ),
            (
                "Se esperaba un array, un iterable o un iterable asíncrono de {customerId, patch}",
                "",
            ),
        ],
    ),
    (
        Wording::BulkItem,
        [
            ("Expected an item {customerId, patch}", ""),
            ("Verwacht een item {customerId, patch}", ""),
            ("Erwartet wird ein Eintrag {customerId, patch}", ""),
            ("Un élément {customerId, patch} est attendu", ""),
            ("Se esperaba un elemento {customerId, patch}", ""),
        ],
    ),
    (
        Wording::NoSuchPage,
        [
            (
                "There is no such page: check hasNextPage() or hasPreviousPage() first",
                "",
            ),
            (
                "Die pagina bestaat niet: controleer eerst hasNextPage() of hasPreviousPage()",
                "",
            ),
            (
                "Diese Seite gibt es nicht: prüfen Sie zuerst hasNextPage() oder \
                 hasPreviousPage()",
                "",
            ),
            (
                "Cette page n'existe pas : vérifiez d'abord hasNextPage() ou hasPreviousPage()",
                "",
            ),
            (
                "Esa página no existe: compruebe antes hasNextPage() o hasPreviousPage()",
                "",
            ),
        ],
    ),
    (
        Wording::ListParams,
        [
            (
                "The list parameters must be an object {search, limit, startingAfter, \
                 endingBefore}",
                "",
            ),
            (
                "De lijstparameters moeten een object zijn {search, limit, startingAfter, \
                 endingBefore}",
                "",
            ),
            (
                "Die Listenparameter müssen ein Objekt sein {search, limit, startingAfter, \
                 endingBefore}",
                "",
            ),
            (
                "Les paramètres de liste doivent être un objet {search, limit, startingAfter, \
                 endingBefore}",
                "",
            ),
            (
                "Los parámetros de la lista deben ser un objeto {search, limit, startingAfter, \
                 endingBefore}",
                "",
            ),
        ],
    ),
    (
        Wording::UnknownListParam,
        [
            ("Unknown list parameter {field}", "; accepted: {hint}"),
            ("Onbekende lijstparameter {field}", "; toegestaan: {hint}"),
            ("Unbekannter Listenparameter {field}", "; erlaubt: {hint}"),
            ("Paramètre de liste inconnu {field}", " ; acceptés : {hint}"),
            (
                "Parámetro de lista desconocido {field}",
                "; se aceptan: {hint}",
            ),
        ],
    ),
    (
        Wording::CursorsCombined,
        [
            (
                "startingAfter and endingBefore cannot be combined: page forwards or backwards",
                "",
            ),
            (
                "startingAfter en endingBefore gaan niet samen: blader vooruit of achteruit",
                "",
            ),
            (
                "startingAfter und endingBefore lassen sich nicht kombinieren: blättern Sie vor- \
                 oder rückwärts",
                "",
            ),
            (
                "startingAfter et endingBefore ne peuvent pas être combinés : paginez vers \
                 l'avant ou vers l'arrière",
                "",
            ),
            (
                "startingAfter y endingBefore no se pueden combinar: pagine hacia delante o hacia \
                 atrás",
                "",
            ),
        ],
    ),
    (
        Wording::ListLimit,
        [
            ("Expected an integer from 1 to 100 (customers per page)", ""),
            (
                "Verwacht een geheel getal van 1 tot en met 100 (klanten per pagina)",
                "",
            ),
            (
                "Erwartet wird eine ganze Zahl von 1 bis 100 (Kunden pro Seite)",
                "",
            ),
            ("Un entier de 1 à 100 est attendu (clients par page)", ""),
            ("Se esperaba un entero de 1 a 100 (clientes por página)", ""),
        ],
    ),
    (
        Wording::BuiltIn,
        [
            (
                "A {detail} cannot be sent as JSON (it would be sent as {} or lose its data); \
                 pass a plain object, array or string",
                "",
            ),
            (
                "Een {detail} kan niet als JSON worden verstuurd (het zou als {} aankomen of zijn \
                 gegevens verliezen); geef een gewoon object, array of string mee",
                "",
            ),
            (
                "Ein Wert vom Typ {detail} kann nicht als JSON gesendet werden (er käme als {} an \
                 oder verlöre seine Daten); übergeben Sie ein einfaches Objekt, Array oder einen \
                 String",
                "",
            ),
            (
                "Une valeur de type {detail} ne peut pas être envoyée en JSON (elle serait \
                 envoyée comme {} ou perdrait ses données) ; passez un objet simple, un tableau \
                 ou une chaîne",
                "",
            ),
            (
                "Un valor de tipo {detail} no se puede enviar como JSON (se enviaría como {} o \
                 perdería sus datos); pase un objeto simple, un array o una cadena",
                "",
            ),
        ],
    ),
    (
        Wording::HiddenKey,
        [
            (
                "An object whose own `{detail}` is not enumerable, which JSON would leave out; \
                 define it as enumerable or pass a plain object",
                "",
            ),
            (
                "Een object waarvan de eigen `{detail}` niet opsombaar is, wat JSON zou weglaten; \
                 maak het opsombaar of geef een gewoon object mee",
                "",
            ),
            (
                "Ein Objekt, dessen eigenes `{detail}` nicht aufzählbar ist, was JSON auslassen \
                 würde; machen Sie es aufzählbar oder übergeben Sie ein einfaches Objekt",
                "",
            ),
            (
                "Un objet dont la propriété propre `{detail}` n'est pas énumérable, ce que JSON \
                 omettrait ; rendez-la énumérable ou passez un objet simple",
                "",
            ),
            (
                "Un objeto cuya propiedad propia `{detail}` no es enumerable, que JSON omitiría; \
                 hágala enumerable o pase un objeto simple",
                "",
            ),
        ],
    ),
    (
        Wording::ClassGetter,
        [
            (
                "An object whose class keeps `{detail}` behind a getter, which JSON would leave \
                 out; give the class a toJSON() or pass a plain object",
                "",
            ),
            (
                "Een object waarvan de klasse `{detail}` achter een getter bewaart, wat JSON zou \
                 weglaten; geef de klasse een toJSON() of geef een gewoon object mee",
                "",
            ),
            (
                "Ein Objekt, dessen Klasse `{detail}` hinter einem Getter hält, was JSON \
                 auslassen würde; geben Sie der Klasse ein toJSON() oder übergeben Sie ein \
                 einfaches Objekt",
                "",
            ),
            (
                "Un objet dont la classe garde `{detail}` derrière un getter, ce que JSON \
                 omettrait ; donnez à la classe un toJSON() ou passez un objet simple",
                "",
            ),
            (
                "Un objeto cuya clase guarda `{detail}` tras un getter, que JSON omitiría; dé a \
                 la clase un toJSON() o pase un objeto simple",
                "",
            ),
        ],
    ),
    (
        Wording::InheritedKey,
        [
            (
                "An object that inherits `{detail}` from its prototype, which JSON would leave \
                 out; pass a plain object with its own fields (such as { ...defaults, ...value })",
                "",
            ),
            (
                "Een object dat `{detail}` van zijn prototype erft, wat JSON zou weglaten; geef \
                 een gewoon object met eigen velden mee (zoals { ...defaults, ...value })",
                "",
            ),
            (
                "Ein Objekt, das `{detail}` von seinem Prototyp erbt, was JSON auslassen würde; \
                 übergeben Sie ein einfaches Objekt mit eigenen Feldern (etwa { ...defaults, \
                 ...value })",
                "",
            ),
            (
                "Un objet qui hérite `{detail}` de son prototype, ce que JSON omettrait ; passez \
                 un objet simple avec ses propres champs (comme { ...defaults, ...value })",
                "",
            ),
            (
                "Un objeto que hereda `{detail}` de su prototipo, que JSON omitiría; pase un \
                 objeto simple con campos propios (como { ...defaults, ...value })",
                "",
            ),
        ],
    ),
    (
        Wording::EmptyClass,
        [
            (
                "An object of a class with no own fields, which JSON would send as {}; give the \
                 class a toJSON() or pass a plain object",
                "",
            ),
            (
                "Een object van een klasse zonder eigen velden, dat JSON als {} zou versturen; \
                 geef de klasse een toJSON() of geef een gewoon object mee",
                "",
            ),
            (
                "Ein Objekt einer Klasse ohne eigene Felder, das JSON als {} senden würde; geben \
                 Sie der Klasse ein toJSON() oder übergeben Sie ein einfaches Objekt",
                "",
            ),
            (
                "Un objet d'une classe sans champs propres, que JSON enverrait comme {} ; donnez \
                 à la classe un toJSON() ou passez un objet simple",
                "",
            ),
            (
                "Un objeto de una clase sin campos propios, que JSON enviaría como {}; dé a la \
                 clase un toJSON() o pase un objeto simple",
                "",
            ),
        ],
    ),
    (
        Wording::NotFinite,
        [
            ("Expected a finite number", ""),
            ("Verwacht een eindig getal", ""),
            ("Erwartet wird eine endliche Zahl", ""),
            ("Un nombre fini est attendu", ""),
            ("Se esperaba un número finito", ""),
        ],
    ),
    (
        Wording::TooDeep,
        [
            ("Nested more than {detail} levels deep (or a cycle)", ""),
            ("Meer dan {detail} niveaus diep genest (of een kring)", ""),
            (
                "Mehr als {detail} Ebenen tief verschachtelt (oder ein Zyklus)",
                "",
            ),
            ("Imbriqué sur plus de {detail} niveaux (ou un cycle)", ""),
            ("Anidado a más de {detail} niveles (o un ciclo)", ""),
        ],
    ),
    (
        Wording::Function,
        [
            ("A function cannot be sent as JSON", ""),
            ("Een functie kan niet als JSON worden verstuurd", ""),
            ("Eine Funktion kann nicht als JSON gesendet werden", ""),
            ("Une fonction ne peut pas être envoyée en JSON", ""),
            ("Una función no se puede enviar como JSON", ""),
        ],
    ),
    (
        Wording::Primitive,
        [
            ("A {detail} cannot be sent as JSON", ""),
            ("Een {detail} kan niet als JSON worden verstuurd", ""),
            (
                "Ein Wert vom Typ {detail} kann nicht als JSON gesendet werden",
                "",
            ),
            (
                "Une valeur de type {detail} ne peut pas être envoyée en JSON",
                "",
            ),
            ("Un valor de tipo {detail} no se puede enviar como JSON", ""),
        ],
    ),
    (
        Wording::IdEmpty,
        [
            ("The customer id is empty", ""),
            ("Het klant-id is leeg", ""),
            ("Die Kunden-ID ist leer", ""),
            ("L'identifiant client est vide", ""),
            ("El id de cliente está vacío", ""),
        ],
    ),
    (
        Wording::IdBlank,
        [
            ("The customer id is only whitespace", ""),
            ("Het klant-id bestaat alleen uit witruimte", ""),
            ("Die Kunden-ID besteht nur aus Leerraum", ""),
            ("L'identifiant client ne contient que des espaces", ""),
            ("El id de cliente solo contiene espacios", ""),
        ],
    ),
    (
        Wording::IdSpaces,
        [
            (
                "The customer id has whitespace around it; remove it (ids are 24 hex characters)",
                "",
            ),
            (
                "Het klant-id heeft witruimte eromheen; verwijder die (id's zijn 24 hexadecimale \
                 tekens)",
                "",
            ),
            (
                "Die Kunden-ID hat Leerraum am Anfang oder Ende; entfernen Sie ihn (IDs sind 24 \
                 Hex-Zeichen)",
                "",
            ),
            (
                "L'identifiant client est entouré d'espaces ; retirez-les (les identifiants font \
                 24 caractères hexadécimaux)",
                "",
            ),
            (
                "El id de cliente tiene espacios alrededor; quítelos (los id son 24 caracteres \
                 hexadecimales)",
                "",
            ),
        ],
    ),
    (
        Wording::IdDots,
        [
            (
                "The customer id cannot be `.` or `..`: URL dot segments would change the path",
                "",
            ),
            (
                "Het klant-id kan geen `.` of `..` zijn: zulke URL-segmenten zouden het pad \
                 veranderen",
                "",
            ),
            (
                "Die Kunden-ID darf nicht `.` oder `..` sein: solche URL-Segmente würden den Pfad \
                 ändern",
                "",
            ),
            (
                "L'identifiant client ne peut pas être `.` ou `..` : ces segments d'URL \
                 changeraient le chemin",
                "",
            ),
            (
                "El id de cliente no puede ser `.` ni `..`: esos segmentos de URL cambiarían la \
                 ruta",
                "",
            ),
        ],
    ),
    (
        Wording::IdControl,
        [
            ("The customer id contains control characters", ""),
            ("Het klant-id bevat stuurtekens", ""),
            ("Die Kunden-ID enthält Steuerzeichen", ""),
            (
                "L'identifiant client contient des caractères de contrôle",
                "",
            ),
            ("El id de cliente contiene caracteres de control", ""),
        ],
    ),
    (
        Wording::IdNotString,
        [
            ("Expected a string", ""),
            ("Het klant-id moet van het type string zijn", ""),
            ("Die Kunden-ID muss vom Typ string sein", ""),
            ("L'identifiant client doit être de type string", ""),
            ("El id de cliente debe ser de tipo string", ""),
        ],
    ),
    (
        Wording::IdLoneSurrogate,
        [
            (
                "The customer id contains a lone surrogate, which cannot be sent as it is",
                "",
            ),
            (
                "Het klant-id bevat een los surrogaat (een half teken), dat niet ongewijzigd kan \
                 worden verstuurd",
                "",
            ),
            (
                "Die Kunden-ID enthält ein einzelnes Surrogat (ein halbes Zeichen), das nicht \
                 unverändert gesendet werden kann",
                "",
            ),
            (
                "L'identifiant client contient un surrogate isolé (un demi-caractère), qui ne \
                 peut pas être envoyé tel quel",
                "",
            ),
            (
                "El id de cliente contiene un sustituto suelto (medio carácter), que no se puede \
                 enviar tal cual",
                "",
            ),
        ],
    ),
    (
        Wording::Cursor,
        [
            ("A cursor is a customer id: 24 hex characters", ""),
            ("Een cursor is een klant-id: 24 hexadecimale tekens", ""),
            ("Ein Cursor ist eine Kunden-ID: 24 Hex-Zeichen", ""),
            (
                "Un curseur est un identifiant client : 24 caractères hexadécimaux",
                "",
            ),
            (
                "Un cursor es un id de cliente: 24 caracteres hexadecimales",
                "",
            ),
        ],
    ),
    (
        Wording::UnknownOption,
        [
            ("Unknown option {field}; {detail} accepts {hint}", ""),
            ("Onbekende optie {field}; {detail} accepteert {hint}", ""),
            ("Unbekannte Option {field}; {detail} akzeptiert {hint}", ""),
            ("Option inconnue {field} ; {detail} accepte {hint}", ""),
            ("Opción desconocida {field}; {detail} acepta {hint}", ""),
        ],
    ),
    (
        Wording::OptionsNotObject,
        [
            ("{detail} must be an object", ""),
            ("{detail} moet een object zijn", ""),
            ("{detail} muss ein Objekt sein", ""),
            ("{detail} doit être un objet", ""),
            ("{detail} debe ser un objeto", ""),
        ],
    ),
    (
        Wording::OptionType,
        [
            ("Invalid option {field}: expected {detail}", ""),
            ("Ongeldige optie {field}: verwacht {detail}", ""),
            ("Ungültige Option {field}: erwartet {detail}", ""),
            ("Option invalide {field} : attendu {detail}", ""),
            ("Opción no válida {field}: se esperaba {detail}", ""),
        ],
    ),
    (
        Wording::OneOf,
        [
            ("Invalid option {field}: expected one of {detail}", ""),
            ("Ongeldige optie {field}: verwacht een van {detail}", ""),
            ("Ungültige Option {field}: erwartet eines von {detail}", ""),
            ("Option invalide {field} : attendu l'un de {detail}", ""),
            ("Opción no válida {field}: se esperaba uno de {detail}", ""),
        ],
    ),
    (
        Wording::WholeNumber,
        [
            ("Expected a whole number from {detail} to {hint}", ""),
            (
                "Verwacht een geheel getal van {detail} tot en met {hint}",
                "",
            ),
            ("Erwartet wird eine ganze Zahl von {detail} bis {hint}", ""),
            ("Un nombre entier de {detail} à {hint} est attendu", ""),
            ("Se esperaba un número entero de {detail} a {hint}", ""),
        ],
    ),
    (
        Wording::WholeNumberMin,
        [
            ("Expected a whole number of at least {detail}", ""),
            ("Verwacht een geheel getal van minstens {detail}", ""),
            ("Erwartet wird eine ganze Zahl von mindestens {detail}", ""),
            ("Un nombre entier d'au moins {detail} est attendu", ""),
            ("Se esperaba un número entero de al menos {detail}", ""),
        ],
    ),
    (
        Wording::OtherDraft,
        [
            (
                "The draft is another customer's: its id is not {detail}, the id of the customer \
                 loaded. Edit a copy of the customer loaded, and leave its id as it is",
                "",
            ),
            (
                "Het concept is van een andere klant: het id is niet {detail}, het id van de \
                 geladen klant. Bewerk een kopie van de geladen klant en laat het id zoals het is",
                "",
            ),
            (
                "Der Entwurf gehört zu einem anderen Kunden: seine ID ist nicht {detail}, die ID \
                 des geladenen Kunden. Bearbeiten Sie eine Kopie des geladenen Kunden und lassen \
                 Sie die ID, wie sie ist",
                "",
            ),
            (
                "Le brouillon est celui d'un autre client : son identifiant n'est pas {detail}, \
                 celui du client chargé. Modifiez une copie du client chargé et laissez son \
                 identifiant tel quel",
                "",
            ),
            (
                "El borrador es de otro cliente: su id no es {detail}, el id del cliente cargado. \
                 Edite una copia del cliente cargado y deje su id como está",
                "",
            ),
        ],
    ),
    (
        Wording::OtherCurrent,
        [
            (
                "The current customer is another customer's: its id is not {detail}, the id of \
                 the customer loaded. Edit a copy of the customer loaded, and leave its id as it \
                 is",
                "",
            ),
            (
                "De huidige klant is een andere klant: het id is niet {detail}, het id van de \
                 geladen klant. Bewerk een kopie van de geladen klant en laat het id zoals het is",
                "",
            ),
            (
                "Der aktuelle Kunde ist ein anderer Kunde: seine ID ist nicht {detail}, die ID \
                 des geladenen Kunden. Bearbeiten Sie eine Kopie des geladenen Kunden und lassen \
                 Sie die ID, wie sie ist",
                "",
            ),
            (
                "Le client actuel est un autre client : son identifiant n'est pas {detail}, celui \
                 du client chargé. Modifiez une copie du client chargé et laissez son identifiant \
                 tel quel",
                "",
            ),
            (
                "El cliente actual es otro cliente: su id no es {detail}, el id del cliente \
                 cargado. Edite una copia del cliente cargado y deje su id como está",
                "",
            ),
        ],
    ),
    (
        Wording::TaxTypeExample,
        [
            (
                "Not a valid tax id type (expected a lowercase Stripe code such as eu_vat or \
                 us_ein)",
                "",
            ),
            (
                "Geen geldig type belastingnummer (verwacht een Stripe-code in kleine letters, \
                 zoals eu_vat of us_ein)",
                "",
            ),
            (
                "Kein gültiger Steuernummerntyp (erwartet wird ein Stripe-Code in Kleinbuchstaben \
                 wie eu_vat oder us_ein)",
                "",
            ),
            (
                "Type de numéro fiscal invalide (un code Stripe en minuscules est attendu, comme \
                 eu_vat ou us_ein)",
                "",
            ),
            (
                "No es un tipo de número fiscal válido (se esperaba un código de Stripe en \
                 minúsculas, como eu_vat o us_ein)",
                "",
            ),
        ],
    ),
    (
        Wording::LocaleTag,
        [
            ("Expected a language tag such as {detail}", ""),
            ("Verwacht een taalcode zoals {detail}", ""),
            ("Erwartet wird ein Sprach-Tag wie {detail}", ""),
            ("Une étiquette de langue est attendue, comme {detail}", ""),
            ("Se esperaba una etiqueta de idioma como {detail}", ""),
        ],
    ),
    (
        Wording::BeforeOption,
        [
            (
                "Expected the loaded customer (as getCustomer returned it)",
                "",
            ),
            ("Verwacht de geladen klant (zoals getCustomer die gaf)", ""),
            (
                "Erwartet wird der geladene Kunde (wie getCustomer ihn lieferte)",
                "",
            ),
            (
                "Le client chargé est attendu (tel que getCustomer l'a renvoyé)",
                "",
            ),
            (
                "Se esperaba el cliente cargado (tal como lo devolvió getCustomer)",
                "",
            ),
        ],
    ),
    (
        Wording::KeyEmpty,
        [
            ("The API key is empty; omit it for a keyless client", ""),
            (
                "De API-sleutel is leeg; laat hem weg voor een client zonder sleutel",
                "",
            ),
            (
                "Der API-Schlüssel ist leer; lassen Sie ihn für einen Client ohne Schlüssel weg",
                "",
            ),
            (
                "La clé d'API est vide ; omettez-la pour un client sans clé",
                "",
            ),
            (
                "La clave de API está vacía; omítala para un cliente sin clave",
                "",
            ),
        ],
    ),
    (
        Wording::KeyUnsendable,
        [
            (
                "The API key contains spaces, control characters or non-ASCII characters, which \
                 an HTTP header cannot carry; copy it again from the dashboard",
                "",
            ),
            (
                "De API-sleutel bevat spaties, stuurtekens of niet-ASCII-tekens, die een \
                 HTTP-header niet kan bevatten; kopieer hem opnieuw uit het dashboard",
                "",
            ),
            (
                "Der API-Schlüssel enthält Leerzeichen, Steuerzeichen oder Nicht-ASCII-Zeichen, \
                 die ein HTTP-Header nicht tragen kann; kopieren Sie ihn erneut aus dem Dashboard",
                "",
            ),
            (
                "La clé d'API contient des espaces, des caractères de contrôle ou non ASCII, \
                 qu'un en-tête HTTP ne peut pas porter ; copiez-la à nouveau depuis le tableau de \
                 bord",
                "",
            ),
            (
                "La clave de API contiene espacios, caracteres de control o no ASCII, que una \
                 cabecera HTTP no puede llevar; cópiela de nuevo desde el panel",
                "",
            ),
        ],
    ),
    (
        Wording::KeyInBrowser,
        [
            (
                "Refusing to use a secret API key in a browser: anyone who opens the page can \
                 read it. Call the API from your backend, or point `baseUrl` at your own proxy \
                 and omit `apiKey`. Pass `dangerouslyAllowBrowser: true` only for trusted, \
                 non-public pages such as tests.",
                "",
            ),
            (
                "Een geheime API-sleutel wordt niet in een browser gebruikt: iedereen die de \
                 pagina opent, kan hem lezen. Roep de API aan vanaf uw backend, of laat `baseUrl` \
                 naar uw eigen proxy wijzen en laat `apiKey` weg. Geef `dangerouslyAllowBrowser: \
                 true` alleen mee voor vertrouwde, niet-openbare pagina's zoals tests.",
                "",
            ),
            (
                "Ein geheimer API-Schlüssel wird im Browser nicht verwendet: Jeder, der die Seite \
                 öffnet, kann ihn lesen. Rufen Sie die API von Ihrem Backend auf, oder lassen Sie \
                 `baseUrl` auf Ihren eigenen Proxy zeigen und lassen Sie `apiKey` weg. Übergeben \
                 Sie `dangerouslyAllowBrowser: true` nur für vertrauenswürdige, nicht öffentliche \
                 Seiten wie Tests.",
                "",
            ),
            (
                "Refus d'utiliser une clé d'API secrète dans un navigateur : quiconque ouvre la \
                 page peut la lire. Appelez l'API depuis votre backend, ou faites pointer \
                 `baseUrl` vers votre propre proxy et omettez `apiKey`. Ne passez \
                 `dangerouslyAllowBrowser: true` que pour des pages de confiance non publiques, \
                 comme des tests.",
                "",
            ),
            (
                "No se usa una clave de API secreta en un navegador: cualquiera que abra la \
                 página puede leerla. Llame a la API desde su backend, o apunte `baseUrl` a su \
                 propio proxy y omita `apiKey`. Pase `dangerouslyAllowBrowser: true` solo en \
                 páginas de confianza no públicas, como pruebas.",
                "",
            ),
        ],
    ),
    (
        Wording::UrlNotAbsolute,
        [
            (
                "Expected an absolute URL such as https://api.checkoutpage.com",
                "",
            ),
            (
                "Verwacht een absolute URL zoals https://api.checkoutpage.com",
                "",
            ),
            (
                "Erwartet wird eine absolute URL wie https://api.checkoutpage.com",
                "",
            ),
            (
                "Une URL absolue est attendue, comme https://api.checkoutpage.com",
                "",
            ),
            (
                "Se esperaba una URL absoluta como https://api.checkoutpage.com",
                "",
            ),
        ],
    ),
    (
        Wording::UrlParts,
        [
            (
                "The base URL may not contain a query, a fragment, spaces or control characters",
                "",
            ),
            (
                "De basis-URL mag geen query, fragment, spaties of stuurtekens bevatten",
                "",
            ),
            (
                "Die Basis-URL darf keine Query, kein Fragment, keine Leerzeichen und keine \
                 Steuerzeichen enthalten",
                "",
            ),
            (
                "L'URL de base ne peut contenir ni requête, ni fragment, ni espaces, ni \
                 caractères de contrôle",
                "",
            ),
            (
                "La URL base no puede contener una consulta, un fragmento, espacios ni caracteres \
                 de control",
                "",
            ),
        ],
    ),
    (
        Wording::UrlCredentials,
        [
            ("The base URL may not contain credentials; use `apiKey`", ""),
            (
                "De basis-URL mag geen inloggegevens bevatten; gebruik `apiKey`",
                "",
            ),
            (
                "Die Basis-URL darf keine Zugangsdaten enthalten; verwenden Sie `apiKey`",
                "",
            ),
            (
                "L'URL de base ne peut pas contenir d'identifiants ; utilisez `apiKey`",
                "",
            ),
            (
                "La URL base no puede contener credenciales; use `apiKey`",
                "",
            ),
        ],
    ),
    (
        Wording::UrlNoHost,
        [
            ("The base URL has no host", ""),
            ("De basis-URL heeft geen host", ""),
            ("Die Basis-URL hat keinen Host", ""),
            ("L'URL de base n'a pas d'hôte", ""),
            ("La URL base no tiene host", ""),
        ],
    ),
    (
        Wording::UrlPlainHttp,
        [
            (
                "Refusing plain http to {detail}: the API key and customer data would travel \
                 unencrypted. Use https (http is allowed for localhost, 127.0.0.1 and [::1])",
                "",
            ),
            (
                "Geen onversleuteld http naar {detail}: de API-sleutel en klantgegevens zouden \
                 onversleuteld reizen. Gebruik https (http mag voor localhost, 127.0.0.1 en \
                 [::1])",
                "",
            ),
            (
                "Kein unverschlüsseltes http zu {detail}: API-Schlüssel und Kundendaten würden \
                 unverschlüsselt übertragen. Verwenden Sie https (http ist für localhost, \
                 127.0.0.1 und [::1] erlaubt)",
                "",
            ),
            (
                "Refus du http non chiffré vers {detail} : la clé d'API et les données client \
                 circuleraient en clair. Utilisez https (http est permis pour localhost, \
                 127.0.0.1 et [::1])",
                "",
            ),
            (
                "No se usa http sin cifrar hacia {detail}: la clave de API y los datos de \
                 clientes viajarían sin cifrar. Use https (http se permite para localhost, \
                 127.0.0.1 y [::1])",
                "",
            ),
        ],
    ),
    (
        Wording::UrlScheme,
        [
            ("Unsupported scheme `{detail}`; expected https", ""),
            ("Niet-ondersteund schema `{detail}`; verwacht https", ""),
            ("Nicht unterstütztes Schema `{detail}`; erwartet https", ""),
            ("Schéma non pris en charge `{detail}` ; https attendu", ""),
            ("Esquema no admitido `{detail}`; se esperaba https", ""),
        ],
    ),
];

/// The template of a problem whose message is `wording` (see
/// [`FieldError::wording`]), in `locale`: the same placeholders as in
/// [`template`].
pub fn wording_template(wording: Wording, locale: Locale) -> Template {
    WORDINGS
        .get(wording as usize)
        .and_then(|(_, templates)| templates.get(locale as usize))
        .copied()
        .unwrap_or(("", ""))
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

    #[test]
    fn the_wordings_table_follows_the_enum() {
        let listed: Vec<Wording> = WORDINGS.iter().map(|(wording, _)| *wording).collect();
        assert_eq!(listed, Wording::ALL);
        for (at, locale) in Locale::ALL.into_iter().enumerate() {
            assert_eq!(locale as usize, at);
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
