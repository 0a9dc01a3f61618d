// The problem messages of the package in every language it speaks: for
// each ProblemCode's usual message and each Wording (src/error.rs), by wire
// name, one [sentence, withHint] pair per locale, in the order English,
// Dutch, German, French, Spanish (`withHint` follows the sentence when the
// problem has a hint). Placeholders and how they are filled: src/messages.rs.
//
// The one definition of these texts. The Rust core reads the JSON object
// below natively (src/messages.rs, include_str!), and in WebAssembly asks
// `messageTemplate` for one template at a time: carried in the module they
// took it from 243,657 to 267,406 bytes, past webpack's 244 KiB asset size
// hint (tests/packaging, the webpack fixture), and JavaScript holds text as
// compactly. English is the reference the tests hold the others to; the
// English messages shown are the rules' own.

// An object without a prototype: a polluted Object.prototype adds no name.
const TEXTS = Object.assign(Object.create(null), /* BEGIN JSON */ {
  "not_an_object": [
    ["The patch must be an object", ", not {hint}"],
    ["De wijziging moet een object zijn", ", geen {hint}"],
    ["Die Änderung muss ein Objekt sein", ", kein {hint}"],
    ["La modification doit être un objet", ", pas {hint}"],
    ["El cambio debe ser un objeto", ", no {hint}"]
  ],
  "empty_patch": [
    ["The patch must change at least one field", ""],
    ["De wijziging moet minstens één veld wijzigen", ""],
    ["Die Änderung muss mindestens ein Feld ändern", ""],
    ["La modification doit changer au moins un champ", ""],
    ["El cambio debe modificar al menos un campo", ""]
  ],
  "unknown_field": [
    ["Unknown field {field}", "; did you mean {hint}?"],
    ["Onbekend veld {field}", "; bedoelde u {hint}?"],
    ["Unbekanntes Feld {field}", "; meinten Sie {hint}?"],
    ["Champ inconnu {field}", " ; vouliez-vous dire {hint} ?"],
    ["Campo desconocido {field}", "; ¿quería decir {hint}?"]
  ],
  "read_only_field": [
    ["{field} is read-only and is set by the server", ""],
    ["{field} is alleen-lezen en wordt door de server gezet", ""],
    ["{field} ist schreibgeschützt und wird vom Server gesetzt", ""],
    ["{field} est en lecture seule et défini par le serveur", ""],
    ["{field} es de solo lectura y lo define el servidor", ""]
  ],
  "invalid_type": [
    ["{field} has the wrong type: expected {detail}", ", got {hint}"],
    ["{field} heeft het verkeerde type: verwacht {detail}", ", gekregen {hint}"],
    ["{field} hat den falschen Typ: erwartet {detail}", ", erhalten {hint}"],
    ["{field} n'a pas le bon type : attendu {detail}", ", reçu {hint}"],
    ["{field} tiene un tipo incorrecto: se esperaba {detail}", ", se recibió {hint}"]
  ],
  "email_required": [
    ["An email address is required: it cannot be cleared", ""],
    ["Een e-mailadres is verplicht: het kan niet worden gewist", ""],
    ["Eine E-Mail-Adresse ist erforderlich: sie kann nicht gelöscht werden", ""],
    ["Une adresse e-mail est obligatoire : elle ne peut pas être effacée", ""],
    ["Se requiere una dirección de correo electrónico: no se puede borrar", ""]
  ],
  "control_character": [
    ["Must not contain control characters (such as line breaks or tabs)", ""],
    ["Mag geen stuurtekens bevatten (zoals regeleinden of tabs)", ""],
    ["Darf keine Steuerzeichen enthalten (wie Zeilenumbrüche oder Tabs)", ""],
    ["Ne doit pas contenir de caractères de contrôle (sauts de ligne, tabulations…)", ""],
    ["No debe contener caracteres de control (como saltos de línea o tabulaciones)", ""]
  ],
  "invalid_unicode": [
    ["Contains a broken character (half an emoji or symbol)", ""],
    ["Bevat een beschadigd teken (een half emoji of symbool)", ""],
    ["Enthält ein defektes Zeichen (ein halbes Emoji oder Symbol)", ""],
    ["Contient un caractère cassé (la moitié d'un emoji ou d'un symbole)", ""],
    ["Contiene un carácter roto (medio emoji o símbolo)", ""]
  ],
  "unsupported_value": [
    ["This value cannot be sent as JSON", ""],
    ["Deze waarde kan niet als JSON worden verstuurd", ""],
    ["Dieser Wert kann nicht als JSON gesendet werden", ""],
    ["Cette valeur ne peut pas être envoyée en JSON", ""],
    ["Este valor no se puede enviar como JSON", ""]
  ],
  "invalid_customer_id": [
    ["Not a usable customer id", ""],
    ["Geen bruikbaar klant-id", ""],
    ["Keine verwendbare Kunden-ID", ""],
    ["Identifiant client inutilisable", ""],
    ["No es un id de cliente utilizable", ""]
  ],
  "invalid_option": [
    ["Invalid option {field}", ""],
    ["Ongeldige optie {field}", ""],
    ["Ungültige Option {field}", ""],
    ["Option invalide {field}", ""],
    ["Opción no válida {field}", ""]
  ],
  "invalid_input": [
    ["Invalid input {field}", ""],
    ["Ongeldige invoer {field}", ""],
    ["Ungültige Eingabe {field}", ""],
    ["Entrée invalide {field}", ""],
    ["Entrada no válida {field}", ""]
  ],
  "too_many_problems": [
    ["More problems not listed (at most {limit} are)", ": {count}"],
    ["Meer problemen niet getoond (hooguit {limit})", ": {count}"],
    ["Weitere Probleme nicht aufgeführt (höchstens {limit})", ": {count}"],
    ["Autres problèmes non listés (au plus {limit})", " : {count}"],
    ["Más problemas no listados (como máximo {limit})", ": {count}"]
  ],
  "invalid_email": [
    ["Not a valid email address", ""],
    ["Geen geldig e-mailadres", ""],
    ["Keine gültige E-Mail-Adresse", ""],
    ["Adresse e-mail invalide", ""],
    ["No es una dirección de correo electrónico válida", ""]
  ],
  "invalid_phone": [
    ["Not a valid phone number (expected digits with optional separators, a leading + and an extension, e.g. +31 20 123 4567 ext. 12)", ""],
    ["Geen geldig telefoonnummer (verwacht cijfers met eventuele scheidingstekens, een + vooraan en een toestelnummer, bijv. +31 20 123 4567 ext. 12)", ""],
    ["Keine gültige Telefonnummer (erwartet werden Ziffern mit optionalen Trennzeichen, einem + am Anfang und einer Durchwahl, z. B. +31 20 123 4567 ext. 12)", ""],
    ["Numéro de téléphone invalide (chiffres attendus, avec séparateurs facultatifs, un + au début et un poste, ex. +31 20 123 4567 ext. 12)", ""],
    ["No es un número de teléfono válido (se esperaban dígitos con separadores opcionales, un + inicial y una extensión, p. ej. +31 20 123 4567 ext. 12)", ""]
  ],
  "invalid_country": [
    ["Not an ISO 3166-1 alpha-2 country code (e.g. NL, US or GB)", ""],
    ["Geen ISO 3166-1 alpha-2 landcode (bijv. NL, US of GB)", ""],
    ["Kein ISO-3166-1-Alpha-2-Ländercode (z. B. NL, US oder GB)", ""],
    ["Pas un code pays ISO 3166-1 alpha-2 (ex. NL, US ou GB)", ""],
    ["No es un código de país ISO 3166-1 alfa-2 (p. ej. NL, US o GB)", ""]
  ],
  "postal_code_format": [
    ["Not a usual postal code for {detail}", " (e.g. {hint})"],
    ["Geen gebruikelijke postcode voor {detail}", " (bijv. {hint})"],
    ["Keine übliche Postleitzahl für {detail}", " (z. B. {hint})"],
    ["Code postal inhabituel pour {detail}", " (ex. {hint})"],
    ["No es un código postal habitual para {detail}", " (p. ej. {hint})"]
  ],
  "tax_id_format": [
    ["Not a usual tax id of type {detail}", " (e.g. {hint})"],
    ["Geen gebruikelijk btw-/belastingnummer van type {detail}", " (bijv. {hint})"],
    ["Keine übliche Steuernummer des Typs {detail}", " (z. B. {hint})"],
    ["Numéro fiscal inhabituel pour le type {detail}", " (ex. {hint})"],
    ["No es un número fiscal habitual del tipo {detail}", " (p. ej. {hint})"]
  ],
  "tax_id_type": [
    ["Not a valid tax id type", "; did you mean {hint}?"],
    ["Geen geldig type belastingnummer", "; bedoelde u {hint}?"],
    ["Kein gültiger Steuernummerntyp", "; meinten Sie {hint}?"],
    ["Type de numéro fiscal invalide", " ; vouliez-vous dire {hint} ?"],
    ["No es un tipo de número fiscal válido", "; ¿quería decir {hint}?"]
  ],
  "tax_id_pair": [
    ["{field} is usually set with {detail}", ""],
    ["{field} wordt meestal samen met {detail} ingevuld", ""],
    ["{field} wird meist zusammen mit {detail} angegeben", ""],
    ["{field} va généralement avec {detail}", ""],
    ["{field} suele indicarse junto con {detail}", ""]
  ],
  "too_long": [
    ["Usually at most {limit} characters", " (got {count})"],
    ["Meestal hooguit {limit} tekens", " (nu {count})"],
    ["Üblicherweise höchstens {limit} Zeichen", " (hier {count})"],
    ["Généralement au plus {limit} caractères", " (ici {count})"],
    ["Normalmente como máximo {limit} caracteres", " (aquí {count})"]
  ],
  "email-use-null": [
    ["Not a valid email address; use null to clear {field}", ""],
    ["Geen geldig e-mailadres; gebruik null om {field} te wissen", ""],
    ["Keine gültige E-Mail-Adresse; verwenden Sie null, um {field} zu leeren", ""],
    ["Adresse e-mail invalide ; utilisez null pour effacer {field}", ""],
    ["No es una dirección de correo electrónico válida; use null para borrar {field}", ""]
  ],
  "field-one-of": [
    ["Unknown field {field}", "; expected one of {hint}"],
    ["Onbekend veld {field}", "; verwacht een van {hint}"],
    ["Unbekanntes Feld {field}", "; erwartet eines von {hint}"],
    ["Champ inconnu {field}", " ; attendu l'un de {hint}"],
    ["Campo desconocido {field}", "; se esperaba uno de {hint}"]
  ],
  "would-erase": [
    ["{field} is stored on this customer but is not a field this SDK can send; the API replaces {detail} whole, so this change would erase it. Change it elsewhere, or leave {detail} unchanged", ""],
    ["{field} is bij deze klant opgeslagen maar is geen veld dat deze SDK kan versturen; de API vervangt {detail} in zijn geheel, dus deze wijziging zou het wissen. Wijzig het elders, of laat {detail} ongewijzigd", ""],
    ["{field} ist bei diesem Kunden gespeichert, aber kein Feld, das dieses SDK senden kann; die API ersetzt {detail} als Ganzes, diese Änderung würde es also löschen. Ändern Sie es anderswo, oder lassen Sie {detail} unverändert", ""],
    ["{field} est enregistré pour ce client mais n'est pas un champ que ce SDK peut envoyer ; l'API remplace {detail} en entier, donc cette modification l'effacerait. Modifiez-le ailleurs, ou laissez {detail} inchangé", ""],
    ["{field} está guardado en este cliente pero no es un campo que este SDK pueda enviar; la API reemplaza {detail} por completo, así que este cambio lo borraría. Cámbielo en otro lugar, o deje {detail} sin cambios", ""]
  ],
  "form-not-object": [
    ["The form's values must be an object", ", not {hint}"],
    ["De waarden van het formulier moeten een object zijn", ", geen {hint}"],
    ["Die Werte des Formulars müssen ein Objekt sein", ", kein {hint}"],
    ["Les valeurs du formulaire doivent être un objet", ", pas {hint}"],
    ["Los valores del formulario deben ser un objeto", ", no {hint}"]
  ],
  "not-a-customer": [
    ["Expected a customer object", ""],
    ["Verwacht een klantobject", ""],
    ["Erwartet wird ein Kundenobjekt", ""],
    ["Un objet client est attendu", ""],
    ["Se esperaba un objeto de cliente", ""]
  ],
  "not-a-draft": [
    ["Expected a customer draft object", ""],
    ["Verwacht een klantconcept (een object)", ""],
    ["Erwartet wird ein Kundenentwurf (ein Objekt)", ""],
    ["Un brouillon de client (un objet) est attendu", ""],
    ["Se esperaba un borrador de cliente (un objeto)", ""]
  ],
  "missing": [
    ["{field} is missing", ""],
    ["{field} ontbreekt", ""],
    ["{field} fehlt", ""],
    ["{field} est manquant", ""],
    ["Falta {field}", ""]
  ],
  "unreadable": [
    ["Could not be read", ": {hint}"],
    ["Kon niet worden gelezen", ": {hint}"],
    ["Konnte nicht gelesen werden", ": {hint}"],
    ["Lecture impossible", " : {hint}"],
    ["No se pudo leer", ": {hint}"]
  ],
  "to-json-threw": [
    ["Its toJSON() threw", ": {hint}"],
    ["De toJSON() ervan gaf een fout", ": {hint}"],
    ["Sein toJSON() hat einen Fehler geworfen", ": {hint}"],
    ["Sa méthode toJSON() a levé une erreur", " : {hint}"],
    ["Su toJSON() lanzó un error", ": {hint}"]
  ],
  "too-large": [
    ["Larger than {detail} characters (strings and keys count their length, other values 1); nothing was read", ""],
    ["Groter dan {detail} tekens (strings en sleutels tellen hun lengte, andere waarden 1); niets gelezen", ""],
    ["Größer als {detail} Zeichen (Strings und Schlüssel zählen ihre Länge, andere Werte 1); nichts wurde gelesen", ""],
    ["Plus de {detail} caractères (les chaînes et les clés comptent leur longueur, les autres valeurs 1) ; rien n'a été lu", ""],
    ["Más de {detail} caracteres (las cadenas y las claves cuentan su longitud, los demás valores 1); no se leyó nada", ""]
  ],
  "bulk-too-large": [
    ["The items hold more than {detail} characters in all; this one was not read", ""],
    ["De items bevatten samen meer dan {detail} tekens; dit item is niet gelezen", ""],
    ["Die Einträge enthalten zusammen mehr als {detail} Zeichen; dieser wurde nicht gelesen", ""],
    ["Les éléments contiennent plus de {detail} caractères au total ; celui-ci n'a pas été lu", ""],
    ["Los elementos contienen más de {detail} caracteres en total; este no se leyó", ""]
  ],
  "too-many-items": [
    ["updateCustomers takes at most {detail} items; the iterable had more, and none after the first {detail} were sent: split the job", ""],
    ["updateCustomers neemt hooguit {detail} items; de iterable had er meer, en na de eerste {detail} is niets verstuurd: splits de taak", ""],
    ["updateCustomers nimmt höchstens {detail} Einträge; das Iterable hatte mehr, und nach den ersten {detail} wurde nichts gesendet: teilen Sie den Auftrag auf", ""],
    ["updateCustomers accepte au plus {detail} éléments ; l'itérable en avait plus, et rien n'a été envoyé après les {detail} premiers : divisez la tâche", ""],
    ["updateCustomers acepta como máximo {detail} elementos; el iterable tenía más, y no se envió ninguno después de los primeros {detail}: divida el trabajo", ""]
  ],
  "at-most-items": [
    ["Expected at most {detail} items", ""],
    ["Hooguit {detail} items verwacht", ""],
    ["Höchstens {detail} Einträge erwartet", ""],
    ["Au plus {detail} éléments attendus", ""],
    ["Se esperaban como máximo {detail} elementos", ""]
  ],
  "bulk-items": [
    ["Expected an array, an iterable or an async iterable of {customerId, patch}", ""],
    ["Verwacht een array, een iterable of een async iterable van {customerId, patch}", ""],
    ["Erwartet wird ein Array, ein Iterable oder ein asynchrones Iterable von {customerId, patch}", ""],
    ["Un tableau, un itérable ou un itérable asynchrone de {customerId, patch} est attendu", ""],
    ["Se esperaba un array, un iterable o un iterable asíncrono de {customerId, patch}", ""]
  ],
  "bulk-item": [
    ["Expected an item {customerId, patch}", ""],
    ["Verwacht een item {customerId, patch}", ""],
    ["Erwartet wird ein Eintrag {customerId, patch}", ""],
    ["Un élément {customerId, patch} est attendu", ""],
    ["Se esperaba un elemento {customerId, patch}", ""]
  ],
  "no-such-page": [
    ["There is no such page: check hasNextPage() or hasPreviousPage() first", ""],
    ["Die pagina bestaat niet: controleer eerst hasNextPage() of hasPreviousPage()", ""],
    ["Diese Seite gibt es nicht: prüfen Sie zuerst hasNextPage() oder hasPreviousPage()", ""],
    ["Cette page n'existe pas : vérifiez d'abord hasNextPage() ou hasPreviousPage()", ""],
    ["Esa página no existe: compruebe antes hasNextPage() o hasPreviousPage()", ""]
  ],
  "list-params": [
    ["The list parameters must be an object {search, limit, startingAfter, endingBefore}", ""],
    ["De lijstparameters moeten een object zijn {search, limit, startingAfter, endingBefore}", ""],
    ["Die Listenparameter müssen ein Objekt sein {search, limit, startingAfter, endingBefore}", ""],
    ["Les paramètres de liste doivent être un objet {search, limit, startingAfter, endingBefore}", ""],
    ["Los parámetros de la lista deben ser un objeto {search, limit, startingAfter, endingBefore}", ""]
  ],
  "unknown-list-param": [
    ["Unknown list parameter {field}; accepted: {detail}", ""],
    ["Onbekende lijstparameter {field}; toegestaan: {detail}", ""],
    ["Unbekannter Listenparameter {field}; erlaubt: {detail}", ""],
    ["Paramètre de liste inconnu {field} ; acceptés : {detail}", ""],
    ["Parámetro de lista desconocido {field}; se aceptan: {detail}", ""]
  ],
  "cursors-combined": [
    ["startingAfter and endingBefore cannot be combined: page forwards or backwards", ""],
    ["startingAfter en endingBefore gaan niet samen: blader vooruit of achteruit", ""],
    ["startingAfter und endingBefore lassen sich nicht kombinieren: blättern Sie vor- oder rückwärts", ""],
    ["startingAfter et endingBefore ne peuvent pas être combinés : paginez vers l'avant ou vers l'arrière", ""],
    ["startingAfter y endingBefore no se pueden combinar: pagine hacia delante o hacia atrás", ""]
  ],
  "list-limit": [
    ["Expected an integer from 1 to 100 (customers per page)", ""],
    ["Verwacht een geheel getal van 1 tot en met 100 (klanten per pagina)", ""],
    ["Erwartet wird eine ganze Zahl von 1 bis 100 (Kunden pro Seite)", ""],
    ["Un entier de 1 à 100 est attendu (clients par page)", ""],
    ["Se esperaba un entero de 1 a 100 (clientes por página)", ""]
  ],
  "built-in": [
    ["A {detail} cannot be sent as JSON (it would be sent as {} or lose its data); pass a plain object, array or string", ""],
    ["Een {detail} kan niet als JSON worden verstuurd (het zou als {} aankomen of zijn gegevens verliezen); geef een gewoon object, array of string mee", ""],
    ["Ein Wert vom Typ {detail} kann nicht als JSON gesendet werden (er käme als {} an oder verlöre seine Daten); übergeben Sie ein einfaches Objekt, Array oder einen String", ""],
    ["Une valeur de type {detail} ne peut pas être envoyée en JSON (elle serait envoyée comme {} ou perdrait ses données) ; passez un objet simple, un tableau ou une chaîne", ""],
    ["Un valor de tipo {detail} no se puede enviar como JSON (se enviaría como {} o perdería sus datos); pase un objeto simple, un array o una cadena", ""]
  ],
  "hidden-key": [
    ["An object whose own `{detail}` is not enumerable, which JSON would leave out; define it as enumerable or pass a plain object", ""],
    ["Een object waarvan de eigen `{detail}` niet opsombaar is, wat JSON zou weglaten; maak het opsombaar of geef een gewoon object mee", ""],
    ["Ein Objekt, dessen eigenes `{detail}` nicht aufzählbar ist, was JSON auslassen würde; machen Sie es aufzählbar oder übergeben Sie ein einfaches Objekt", ""],
    ["Un objet dont la propriété propre `{detail}` n'est pas énumérable, ce que JSON omettrait ; rendez-la énumérable ou passez un objet simple", ""],
    ["Un objeto cuya propiedad propia `{detail}` no es enumerable, que JSON omitiría; hágala enumerable o pase un objeto simple", ""]
  ],
  "class-getter": [
    ["An object whose class keeps `{detail}` behind a getter, which JSON would leave out; give the class a toJSON() or pass a plain object", ""],
    ["Een object waarvan de klasse `{detail}` achter een getter bewaart, wat JSON zou weglaten; geef de klasse een toJSON() of geef een gewoon object mee", ""],
    ["Ein Objekt, dessen Klasse `{detail}` hinter einem Getter hält, was JSON auslassen würde; geben Sie der Klasse ein toJSON() oder übergeben Sie ein einfaches Objekt", ""],
    ["Un objet dont la classe garde `{detail}` derrière un getter, ce que JSON omettrait ; donnez à la classe un toJSON() ou passez un objet simple", ""],
    ["Un objeto cuya clase guarda `{detail}` tras un getter, que JSON omitiría; dé a la clase un toJSON() o pase un objeto simple", ""]
  ],
  "inherited-key": [
    ["An object that inherits `{detail}` from its prototype, which JSON would leave out; pass a plain object with its own fields (such as { ...defaults, ...value })", ""],
    ["Een object dat `{detail}` van zijn prototype erft, wat JSON zou weglaten; geef een gewoon object met eigen velden mee (zoals { ...defaults, ...value })", ""],
    ["Ein Objekt, das `{detail}` von seinem Prototyp erbt, was JSON auslassen würde; übergeben Sie ein einfaches Objekt mit eigenen Feldern (etwa { ...defaults, ...value })", ""],
    ["Un objet qui hérite `{detail}` de son prototype, ce que JSON omettrait ; passez un objet simple avec ses propres champs (comme { ...defaults, ...value })", ""],
    ["Un objeto que hereda `{detail}` de su prototipo, que JSON omitiría; pase un objeto simple con campos propios (como { ...defaults, ...value })", ""]
  ],
  "empty-class": [
    ["An object of a class with no own fields, which JSON would send as {}; give the class a toJSON() or pass a plain object", ""],
    ["Een object van een klasse zonder eigen velden, dat JSON als {} zou versturen; geef de klasse een toJSON() of geef een gewoon object mee", ""],
    ["Ein Objekt einer Klasse ohne eigene Felder, das JSON als {} senden würde; geben Sie der Klasse ein toJSON() oder übergeben Sie ein einfaches Objekt", ""],
    ["Un objet d'une classe sans champs propres, que JSON enverrait comme {} ; donnez à la classe un toJSON() ou passez un objet simple", ""],
    ["Un objeto de una clase sin campos propios, que JSON enviaría como {}; dé a la clase un toJSON() o pase un objeto simple", ""]
  ],
  "not-finite": [
    ["Expected a finite number", ""],
    ["Verwacht een eindig getal", ""],
    ["Erwartet wird eine endliche Zahl", ""],
    ["Un nombre fini est attendu", ""],
    ["Se esperaba un número finito", ""]
  ],
  "too-deep": [
    ["Nested more than {detail} levels deep (or a cycle)", ""],
    ["Meer dan {detail} niveaus diep genest (of een kring)", ""],
    ["Mehr als {detail} Ebenen tief verschachtelt (oder ein Zyklus)", ""],
    ["Imbriqué sur plus de {detail} niveaux (ou un cycle)", ""],
    ["Anidado a más de {detail} niveles (o un ciclo)", ""]
  ],
  "function": [
    ["A function cannot be sent as JSON", ""],
    ["Een functie kan niet als JSON worden verstuurd", ""],
    ["Eine Funktion kann nicht als JSON gesendet werden", ""],
    ["Une fonction ne peut pas être envoyée en JSON", ""],
    ["Una función no se puede enviar como JSON", ""]
  ],
  "primitive": [
    ["A {detail} cannot be sent as JSON", ""],
    ["Een {detail} kan niet als JSON worden verstuurd", ""],
    ["Ein Wert vom Typ {detail} kann nicht als JSON gesendet werden", ""],
    ["Une valeur de type {detail} ne peut pas être envoyée en JSON", ""],
    ["Un valor de tipo {detail} no se puede enviar como JSON", ""]
  ],
  "id-empty": [
    ["The customer id is empty", ""],
    ["Het klant-id is leeg", ""],
    ["Die Kunden-ID ist leer", ""],
    ["L'identifiant client est vide", ""],
    ["El id de cliente está vacío", ""]
  ],
  "id-blank": [
    ["The customer id is only whitespace", ""],
    ["Het klant-id bestaat alleen uit witruimte", ""],
    ["Die Kunden-ID besteht nur aus Leerraum", ""],
    ["L'identifiant client ne contient que des espaces", ""],
    ["El id de cliente solo contiene espacios", ""]
  ],
  "id-spaces": [
    ["The customer id has whitespace around it; remove it (ids are 24 hex characters)", ""],
    ["Het klant-id heeft witruimte eromheen; verwijder die (id's zijn 24 hexadecimale tekens)", ""],
    ["Die Kunden-ID hat Leerraum am Anfang oder Ende; entfernen Sie ihn (IDs sind 24 Hex-Zeichen)", ""],
    ["L'identifiant client est entouré d'espaces ; retirez-les (les identifiants font 24 caractères hexadécimaux)", ""],
    ["El id de cliente tiene espacios alrededor; quítelos (los id son 24 caracteres hexadecimales)", ""]
  ],
  "id-dots": [
    ["The customer id cannot be `.` or `..`: URL dot segments would change the path", ""],
    ["Het klant-id kan geen `.` of `..` zijn: zulke URL-segmenten zouden het pad veranderen", ""],
    ["Die Kunden-ID darf nicht `.` oder `..` sein: solche URL-Segmente würden den Pfad ändern", ""],
    ["L'identifiant client ne peut pas être `.` ou `..` : ces segments d'URL changeraient le chemin", ""],
    ["El id de cliente no puede ser `.` ni `..`: esos segmentos de URL cambiarían la ruta", ""]
  ],
  "id-control": [
    ["The customer id contains control characters", ""],
    ["Het klant-id bevat stuurtekens", ""],
    ["Die Kunden-ID enthält Steuerzeichen", ""],
    ["L'identifiant client contient des caractères de contrôle", ""],
    ["El id de cliente contiene caracteres de control", ""]
  ],
  "id-not-string": [
    ["Expected a string", ""],
    ["Het klant-id moet van het type string zijn", ""],
    ["Die Kunden-ID muss vom Typ string sein", ""],
    ["L'identifiant client doit être de type string", ""],
    ["El id de cliente debe ser de tipo string", ""]
  ],
  "id-lone-surrogate": [
    ["The customer id contains a lone surrogate, which cannot be sent as it is", ""],
    ["Het klant-id bevat een los surrogaat (een half teken), dat niet ongewijzigd kan worden verstuurd", ""],
    ["Die Kunden-ID enthält ein einzelnes Surrogat (ein halbes Zeichen), das nicht unverändert gesendet werden kann", ""],
    ["L'identifiant client contient un surrogate isolé (un demi-caractère), qui ne peut pas être envoyé tel quel", ""],
    ["El id de cliente contiene un sustituto suelto (medio carácter), que no se puede enviar tal cual", ""]
  ],
  "cursor": [
    ["A cursor is a customer id: 24 hex characters", ""],
    ["Een cursor is een klant-id: 24 hexadecimale tekens", ""],
    ["Ein Cursor ist eine Kunden-ID: 24 Hex-Zeichen", ""],
    ["Un curseur est un identifiant client : 24 caractères hexadécimaux", ""],
    ["Un cursor es un id de cliente: 24 caracteres hexadecimales", ""]
  ],
  "unknown-option": [
    ["Unknown option {field}; {detail} accepts {hint}", ""],
    ["Onbekende optie {field}; {detail} accepteert {hint}", ""],
    ["Unbekannte Option {field}; {detail} akzeptiert {hint}", ""],
    ["Option inconnue {field} ; {detail} accepte {hint}", ""],
    ["Opción desconocida {field}; {detail} acepta {hint}", ""]
  ],
  "options-not-object": [
    ["{detail} must be an object", ""],
    ["{detail} moet een object zijn", ""],
    ["{detail} muss ein Objekt sein", ""],
    ["{detail} doit être un objet", ""],
    ["{detail} debe ser un objeto", ""]
  ],
  "option-type": [
    ["Invalid option {field}: expected {detail}", ""],
    ["Ongeldige optie {field}: verwacht {detail}", ""],
    ["Ungültige Option {field}: erwartet {detail}", ""],
    ["Option invalide {field} : attendu {detail}", ""],
    ["Opción no válida {field}: se esperaba {detail}", ""]
  ],
  "one-of": [
    ["Invalid option {field}: expected one of {detail}", ""],
    ["Ongeldige optie {field}: verwacht een van {detail}", ""],
    ["Ungültige Option {field}: erwartet eines von {detail}", ""],
    ["Option invalide {field} : attendu l'un de {detail}", ""],
    ["Opción no válida {field}: se esperaba uno de {detail}", ""]
  ],
  "whole-number": [
    ["Expected a whole number from {detail} to {hint}", ""],
    ["Verwacht een geheel getal van {detail} tot en met {hint}", ""],
    ["Erwartet wird eine ganze Zahl von {detail} bis {hint}", ""],
    ["Un nombre entier de {detail} à {hint} est attendu", ""],
    ["Se esperaba un número entero de {detail} a {hint}", ""]
  ],
  "whole-number-min": [
    ["Expected a whole number of at least {detail}", ""],
    ["Verwacht een geheel getal van minstens {detail}", ""],
    ["Erwartet wird eine ganze Zahl von mindestens {detail}", ""],
    ["Un nombre entier d'au moins {detail} est attendu", ""],
    ["Se esperaba un número entero de al menos {detail}", ""]
  ],
  "other-draft": [
    ["The draft is another customer's: its id is not {detail}, the id of the customer loaded. Edit a copy of the customer loaded, and leave its id as it is", ""],
    ["Het concept is van een andere klant: het id is niet {detail}, het id van de geladen klant. Bewerk een kopie van de geladen klant en laat het id zoals het is", ""],
    ["Der Entwurf gehört zu einem anderen Kunden: seine ID ist nicht {detail}, die ID des geladenen Kunden. Bearbeiten Sie eine Kopie des geladenen Kunden und lassen Sie die ID, wie sie ist", ""],
    ["Le brouillon est celui d'un autre client : son identifiant n'est pas {detail}, celui du client chargé. Modifiez une copie du client chargé et laissez son identifiant tel quel", ""],
    ["El borrador es de otro cliente: su id no es {detail}, el id del cliente cargado. Edite una copia del cliente cargado y deje su id como está", ""]
  ],
  "other-current": [
    ["The current customer is another customer's: its id is not {detail}, the id of the customer loaded. Edit a copy of the customer loaded, and leave its id as it is", ""],
    ["De huidige klant is een andere klant: het id is niet {detail}, het id van de geladen klant. Bewerk een kopie van de geladen klant en laat het id zoals het is", ""],
    ["Der aktuelle Kunde ist ein anderer Kunde: seine ID ist nicht {detail}, die ID des geladenen Kunden. Bearbeiten Sie eine Kopie des geladenen Kunden und lassen Sie die ID, wie sie ist", ""],
    ["Le client actuel est un autre client : son identifiant n'est pas {detail}, celui du client chargé. Modifiez une copie du client chargé et laissez son identifiant tel quel", ""],
    ["El cliente actual es otro cliente: su id no es {detail}, el id del cliente cargado. Edite una copia del cliente cargado y deje su id como está", ""]
  ],
  "tax-type-example": [
    ["Not a valid tax id type (expected a lowercase Stripe code such as eu_vat or us_ein)", ""],
    ["Geen geldig type belastingnummer (verwacht een Stripe-code in kleine letters, zoals eu_vat of us_ein)", ""],
    ["Kein gültiger Steuernummerntyp (erwartet wird ein Stripe-Code in Kleinbuchstaben wie eu_vat oder us_ein)", ""],
    ["Type de numéro fiscal invalide (un code Stripe en minuscules est attendu, comme eu_vat ou us_ein)", ""],
    ["No es un tipo de número fiscal válido (se esperaba un código de Stripe en minúsculas, como eu_vat o us_ein)", ""]
  ],
  "locale-tag": [
    ["Expected a language tag such as {detail}", ""],
    ["Verwacht een taalcode zoals {detail}", ""],
    ["Erwartet wird ein Sprach-Tag wie {detail}", ""],
    ["Une étiquette de langue est attendue, comme {detail}", ""],
    ["Se esperaba una etiqueta de idioma como {detail}", ""]
  ],
  "before-option": [
    ["Expected the loaded customer (as getCustomer returned it)", ""],
    ["Verwacht de geladen klant (zoals getCustomer die gaf)", ""],
    ["Erwartet wird der geladene Kunde (wie getCustomer ihn lieferte)", ""],
    ["Le client chargé est attendu (tel que getCustomer l'a renvoyé)", ""],
    ["Se esperaba el cliente cargado (tal como lo devolvió getCustomer)", ""]
  ],
  "key-empty": [
    ["The API key is empty; omit it for a keyless client", ""],
    ["De API-sleutel is leeg; laat hem weg voor een client zonder sleutel", ""],
    ["Der API-Schlüssel ist leer; lassen Sie ihn für einen Client ohne Schlüssel weg", ""],
    ["La clé d'API est vide ; omettez-la pour un client sans clé", ""],
    ["La clave de API está vacía; omítala para un cliente sin clave", ""]
  ],
  "key-unsendable": [
    ["The API key contains spaces, control characters or non-ASCII characters, which an HTTP header cannot carry; copy it again from the dashboard", ""],
    ["De API-sleutel bevat spaties, stuurtekens of niet-ASCII-tekens, die een HTTP-header niet kan bevatten; kopieer hem opnieuw uit het dashboard", ""],
    ["Der API-Schlüssel enthält Leerzeichen, Steuerzeichen oder Nicht-ASCII-Zeichen, die ein HTTP-Header nicht tragen kann; kopieren Sie ihn erneut aus dem Dashboard", ""],
    ["La clé d'API contient des espaces, des caractères de contrôle ou non ASCII, qu'un en-tête HTTP ne peut pas porter ; copiez-la à nouveau depuis le tableau de bord", ""],
    ["La clave de API contiene espacios, caracteres de control o no ASCII, que una cabecera HTTP no puede llevar; cópiela de nuevo desde el panel", ""]
  ],
  "key-in-browser": [
    ["Refusing to use a secret API key in a browser: anyone who opens the page can read it. Call the API from your backend, or point `baseUrl` at your own proxy and omit `apiKey`. Pass `dangerouslyAllowBrowser: true` only for trusted, non-public pages such as tests.", ""],
    ["Een geheime API-sleutel wordt niet in een browser gebruikt: iedereen die de pagina opent, kan hem lezen. Roep de API aan vanaf uw backend, of laat `baseUrl` naar uw eigen proxy wijzen en laat `apiKey` weg. Geef `dangerouslyAllowBrowser: true` alleen mee voor vertrouwde, niet-openbare pagina's zoals tests.", ""],
    ["Ein geheimer API-Schlüssel wird im Browser nicht verwendet: Jeder, der die Seite öffnet, kann ihn lesen. Rufen Sie die API von Ihrem Backend auf, oder lassen Sie `baseUrl` auf Ihren eigenen Proxy zeigen und lassen Sie `apiKey` weg. Übergeben Sie `dangerouslyAllowBrowser: true` nur für vertrauenswürdige, nicht öffentliche Seiten wie Tests.", ""],
    ["Refus d'utiliser une clé d'API secrète dans un navigateur : quiconque ouvre la page peut la lire. Appelez l'API depuis votre backend, ou faites pointer `baseUrl` vers votre propre proxy et omettez `apiKey`. Ne passez `dangerouslyAllowBrowser: true` que pour des pages de confiance non publiques, comme des tests.", ""],
    ["No se usa una clave de API secreta en un navegador: cualquiera que abra la página puede leerla. Llame a la API desde su backend, o apunte `baseUrl` a su propio proxy y omita `apiKey`. Pase `dangerouslyAllowBrowser: true` solo en páginas de confianza no públicas, como pruebas.", ""]
  ],
  "url-not-absolute": [
    ["Expected an absolute URL such as https://api.checkoutpage.com", ""],
    ["Verwacht een absolute URL zoals https://api.checkoutpage.com", ""],
    ["Erwartet wird eine absolute URL wie https://api.checkoutpage.com", ""],
    ["Une URL absolue est attendue, comme https://api.checkoutpage.com", ""],
    ["Se esperaba una URL absoluta como https://api.checkoutpage.com", ""]
  ],
  "url-parts": [
    ["The base URL may not contain a query, a fragment, spaces or control characters", ""],
    ["De basis-URL mag geen query, fragment, spaties of stuurtekens bevatten", ""],
    ["Die Basis-URL darf keine Query, kein Fragment, keine Leerzeichen und keine Steuerzeichen enthalten", ""],
    ["L'URL de base ne peut contenir ni requête, ni fragment, ni espaces, ni caractères de contrôle", ""],
    ["La URL base no puede contener una consulta, un fragmento, espacios ni caracteres de control", ""]
  ],
  "url-credentials": [
    ["The base URL may not contain credentials; use `apiKey`", ""],
    ["De basis-URL mag geen inloggegevens bevatten; gebruik `apiKey`", ""],
    ["Die Basis-URL darf keine Zugangsdaten enthalten; verwenden Sie `apiKey`", ""],
    ["L'URL de base ne peut pas contenir d'identifiants ; utilisez `apiKey`", ""],
    ["La URL base no puede contener credenciales; use `apiKey`", ""]
  ],
  "url-no-host": [
    ["The base URL has no host", ""],
    ["De basis-URL heeft geen host", ""],
    ["Die Basis-URL hat keinen Host", ""],
    ["L'URL de base n'a pas d'hôte", ""],
    ["La URL base no tiene host", ""]
  ],
  "url-plain-http": [
    ["Refusing plain http to {detail}: the API key and customer data would travel unencrypted. Use https (http is allowed for localhost, 127.0.0.1 and [::1])", ""],
    ["Geen onversleuteld http naar {detail}: de API-sleutel en klantgegevens zouden onversleuteld reizen. Gebruik https (http mag voor localhost, 127.0.0.1 en [::1])", ""],
    ["Kein unverschlüsseltes http zu {detail}: API-Schlüssel und Kundendaten würden unverschlüsselt übertragen. Verwenden Sie https (http ist für localhost, 127.0.0.1 und [::1] erlaubt)", ""],
    ["Refus du http non chiffré vers {detail} : la clé d'API et les données client circuleraient en clair. Utilisez https (http est permis pour localhost, 127.0.0.1 et [::1])", ""],
    ["No se usa http sin cifrar hacia {detail}: la clave de API y los datos de clientes viajarían sin cifrar. Use https (http se permite para localhost, 127.0.0.1 y [::1])", ""]
  ],
  "url-scheme": [
    ["Unsupported scheme `{detail}`; expected https", ""],
    ["Niet-ondersteund schema `{detail}`; verwacht https", ""],
    ["Nicht unterstütztes Schema `{detail}`; erwartet https", ""],
    ["Schéma non pris en charge `{detail}` ; https attendu", ""],
    ["Esquema no admitido `{detail}`; se esperaba https", ""]
  ]
} /* END JSON */);

/**
 * The template of the message `name` (a ProblemCode or Wording wire name)
 * in `locale` (0 English, 1 Dutch, 2 German, 3 French, 4 Spanish), as
 * `sentence + "\u0000" + withHint`; undefined for an unknown name.
 */
export function messageTemplate(name, locale) {
  const texts = TEXTS[name];
  const pair = texts === undefined ? undefined : texts[locale];
  return pair === undefined ? undefined : `${pair[0]}\u0000${pair[1]}`;
}
