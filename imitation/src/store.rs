//! Customer model: seed data, PATCH validation and merge semantics.
//!
//! Customers are stored as raw `serde_json::Map`s so fields the documented
//! model does not know about (e.g. `metadata` on a seed customer) survive
//! round trips. Cleared optional fields are removed from the map, so they are
//! omitted from responses.

use std::cmp::Reverse;
use std::collections::{btree_map, BTreeMap, HashMap, HashSet};
use std::ops::Bound::{self, Excluded, Unbounded};

use checkoutpage_fields::Kind;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::error::{ApiError, FieldError};
use crate::util::{canonical_id, format_rfc3339_ms, hex_id, is_object_id, parse_rfc3339_ms};

/// A customer, as a JSON object (unknown fields kept).
pub type Customer = Map<String, Value>;

/// Seller id given to every sandbox customer.
pub const SANDBOX_SELLER_ID: &str = "seller_sandbox";

/// Top-level string fields a PATCH may set (and, but for `email`, clear):
/// the client's field table ([`checkoutpage_fields`]), one contract for both
/// sides.
pub const STRING_FIELDS: &[&str] = &checkoutpage_fields::STRING_FIELDS;
/// Fields that exist on a customer but cannot be patched.
pub const READ_ONLY_FIELDS: &[&str] = &checkoutpage_fields::READ_ONLY_FIELDS;
/// The fields of an address (`address`, `shipping.address`).
pub const ADDRESS_FIELDS: &[&str] = &checkoutpage_fields::ADDRESS_FIELDS;

/// Documented field order, used when serialising (extra fields follow).
pub const FIELD_ORDER: &[&str] = &checkoutpage_fields::FIELD_ORDER;

/// Serialises a customer with the documented keys first, in doc order, and
/// any extra keys afterwards (alphabetically).
pub struct CustomerView<'a>(pub &'a Customer);

impl Serialize for CustomerView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for key in FIELD_ORDER {
            if let Some(v) = self.0.get(*key) {
                map.serialize_entry(key, v)?;
            }
        }
        for (k, v) in self.0 {
            if !FIELD_ORDER.contains(&k.as_str()) {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}

/// `{"data": customer}` response body, keys in documented order.
#[derive(Serialize)]
pub struct DataBody<'a> {
    data: CustomerView<'a>,
}

/// `{"data": customer}`.
pub fn data_body(customer: &Customer) -> DataBody<'_> {
    DataBody {
        data: CustomerView(customer),
    }
}

/// Where a customer stands in the list call's order, which sorts ascending
/// here: newest first by `createdAt` (unparsable ones last), then the later
/// added first (its slot: slots are handed out in order and never reused by
/// another customer). Unique per customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank(Reverse<(Option<i64>, usize)>);

/// A stored customer with what the list call reads of it, kept up to date
/// on every change so that no request sorts or lower-cases the store.
#[derive(Debug, Clone)]
struct Entry {
    customer: Customer,
    rank: Rank,
    /// `name` and `email` lower-cased, for the list call's search.
    name_lower: Option<String>,
    email_lower: Option<String>,
}

impl Entry {
    fn new(customer: Customer, slot: usize) -> Self {
        let lower = |key: &str| {
            customer
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_lowercase)
        };
        let created = customer
            .get("createdAt")
            .and_then(Value::as_str)
            .and_then(parse_rfc3339_ms);
        Self {
            rank: Rank(Reverse((created, slot))),
            name_lower: lower("name"),
            email_lower: lower("email"),
            customer,
        }
    }
}

/// A stored customer as the list call sees it.
#[derive(Debug, Clone, Copy)]
pub struct Listed<'a>(&'a Entry);

impl<'a> Listed<'a> {
    /// The customer.
    pub fn customer(self) -> &'a Customer {
        &self.0.customer
    }

    /// Whether its name or email contains `needle`, which must be lower
    /// case already (the list call's case-insensitive search).
    pub fn matches_lower(self, needle: &str) -> bool {
        [&self.0.name_lower, &self.0.email_lower]
            .into_iter()
            .any(|v| v.as_deref().is_some_and(|v| v.contains(needle)))
    }
}

/// The in-memory customer table, indexed by id and in the list call's order
/// (newest first), so that a `GET`, a `PATCH` or a page costs time
/// logarithmic in the store at most; a search, which counts its `total`, is
/// one pass over the lower-cased names and emails kept for it.
#[derive(Debug, Default, Clone)]
pub struct Store {
    /// The customers, in the order they were added (a slot is never freed:
    /// customers are replaced, not removed).
    entries: Vec<Entry>,
    /// Id ([`canonical_id`]) → slot.
    by_id: HashMap<String, usize>,
    /// The list order: rank → slot.
    order: BTreeMap<Rank, usize>,
    /// Seed of generated ids, and how many were generated.
    id_seed: u64,
    ids_made: u64,
}

impl Store {
    /// A store holding only the seed customers; `id_seed` varies the ids it
    /// generates.
    pub fn seeded(id_seed: u64) -> Self {
        Self::with(seed_customers(), id_seed)
    }

    /// A store holding `customers` (each must have a string `id`; others are
    /// skipped; a 24-hex id is stored lower-cased, see [`canonical_id`]).
    pub fn with(customers: Vec<Customer>, id_seed: u64) -> Self {
        let mut store = Self {
            id_seed,
            ..Self::default()
        };
        for customer in customers {
            if let Some(id) = customer.get("id").and_then(Value::as_str) {
                let id = canonical_id(id).into_owned();
                store.insert(id, customer);
            }
        }
        store
    }

    /// How many customers there are.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    fn slot(&self, id: &str) -> Option<usize> {
        self.by_id.get(&*canonical_id(id)).copied()
    }

    /// The customer with this id (a 24-hex id in any case).
    pub fn get(&self, id: &str) -> Option<&Customer> {
        self.slot(id).map(|slot| &self.entries[slot].customer)
    }

    /// Every customer, by id.
    pub fn all(&self) -> Vec<&Customer> {
        let mut all: Vec<(&str, &Customer)> = (self.by_id.iter())
            .map(|(id, slot)| (id.as_str(), &self.entries[*slot].customer))
            .collect();
        all.sort_unstable_by_key(|(id, _)| *id);
        all.into_iter().map(|(_, c)| c).collect()
    }

    /// Every customer, newest first: by `createdAt` (unparsable ones last),
    /// then the later added first: the list call's order.
    pub fn newest_first(&self) -> Vec<&Customer> {
        self.listed().map(Listed::customer).collect()
    }

    /// Every customer in the list call's order (newest first).
    pub fn listed(&self) -> impl DoubleEndedIterator<Item = Listed<'_>> {
        self.in_order(
            self.order
                .range::<Rank, (Bound<Rank>, _)>((Unbounded, Unbounded)),
        )
    }

    /// Every customer in no particular order (the fastest to scan).
    pub fn unordered(&self) -> impl Iterator<Item = Listed<'_>> {
        self.entries.iter().map(Listed)
    }

    /// The customers after (older than) `id` in the list call's order,
    /// newest first; `None` when no customer has this id.
    pub fn older_than(&self, id: &str) -> Option<impl DoubleEndedIterator<Item = Listed<'_>>> {
        let rank = self.entries[self.slot(id)?].rank;
        Some(self.in_order(self.order.range((Excluded(rank), Unbounded))))
    }

    /// The customers before (newer than) `id` in the list call's order,
    /// newest first; `None` when no customer has this id.
    pub fn newer_than(&self, id: &str) -> Option<impl DoubleEndedIterator<Item = Listed<'_>>> {
        let rank = self.entries[self.slot(id)?].rank;
        Some(self.in_order(self.order.range((Unbounded, Excluded(rank)))))
    }

    fn in_order<'a>(
        &'a self,
        range: btree_map::Range<'a, Rank, usize>,
    ) -> impl DoubleEndedIterator<Item = Listed<'a>> {
        range.map(|(_, slot)| Listed(&self.entries[*slot]))
    }

    /// Stores `customer` under `id` (already canonical), its `id` field set
    /// to it; a customer stored before under this id is replaced, in its
    /// slot.
    fn insert(&mut self, id: String, mut customer: Customer) {
        customer.insert("id".into(), json!(id));
        let slot = match self.by_id.get(&id) {
            Some(&slot) => {
                self.order.remove(&self.entries[slot].rank);
                self.entries[slot] = Entry::new(customer, slot);
                slot
            }
            None => {
                let slot = self.entries.len();
                self.entries.push(Entry::new(customer, slot));
                self.by_id.insert(id, slot);
                slot
            }
        };
        self.order.insert(self.entries[slot].rank, slot);
    }

    /// A fresh generated id, free in the store and not in `reserved`.
    fn generate_id(&mut self, reserved: &HashSet<String>) -> String {
        loop {
            let id = hex_id(self.id_seed, self.ids_made);
            self.ids_made += 1;
            if !self.by_id.contains_key(&id) && !reserved.contains(&id) {
                return id;
            }
        }
    }

    /// Creates a customer from arbitrary initial fields (not validated, so
    /// tests can seed odd shapes) at time `now_ms`. `null` values are
    /// dropped. A string `id` is honoured if free (a 24-hex one stored
    /// lower-cased); otherwise a 24-hex id is generated. An `id` already
    /// taken is a 400 on `id`.
    pub fn create(
        &mut self,
        fields: Map<String, Value>,
        now_ms: i64,
    ) -> Result<Customer, ApiError> {
        match self.create_all(vec![fields], now_ms) {
            Ok(ids) => Ok(ids
                .first()
                .and_then(|id| self.get(id))
                .cloned()
                .unwrap_or_default()),
            Err((_, e)) => Err(e),
        }
    }

    /// Creates every customer of `items` in order (as [`Store::create`]
    /// does, so the last is the newest) and returns their ids, or creates
    /// none: the first that cannot be (its `id` taken, in the store or by an
    /// earlier item) is an error with its index, and the store is left as it
    /// was.
    pub fn create_all(
        &mut self,
        items: Vec<Map<String, Value>>,
        now_ms: i64,
    ) -> Result<Vec<String>, (usize, ApiError)> {
        let mut given = HashSet::new();
        for (i, fields) in items.iter().enumerate() {
            if let Some(Value::String(id)) = fields.get("id") {
                if id.is_empty() {
                    continue;
                }
                let id = canonical_id(id).into_owned();
                if self.by_id.contains_key(&id) || given.contains(&id) {
                    let error = FieldError::new("id", "Customer id already exists", json!(id));
                    return Err((i, ApiError::validation("Validation failed", vec![error])));
                }
                given.insert(id);
            }
        }
        let now = json!(format_rfc3339_ms(now_ms));
        let mut created = Vec::with_capacity(items.len());
        for fields in items {
            let id = match fields.get("id") {
                Some(Value::String(id)) if !id.is_empty() => canonical_id(id).into_owned(),
                _ => self.generate_id(&given),
            };
            let mut customer: Customer = fields.into_iter().filter(|(_, v)| !v.is_null()).collect();
            fill_server_fields_with(&mut customer, &now);
            self.insert(id.clone(), customer);
            created.push(id);
        }
        Ok(created)
    }

    /// Applies a validated patch at time `now_ms` and bumps `updatedAt`
    /// (strictly forward). Returns the updated customer, or `None` if it does
    /// not exist.
    pub fn apply(&mut self, id: &str, patch: Patch, now_ms: i64) -> Option<Customer> {
        let slot = self.slot(id)?;
        let entry = &mut self.entries[slot];
        let customer = &mut entry.customer;
        for (key, value) in patch.0 {
            match value {
                Some(v) => customer.insert(key, v),
                None => customer.remove(&key),
            };
        }
        // `updatedAt` must move strictly forward, even within one millisecond.
        let previous = customer
            .get("updatedAt")
            .and_then(Value::as_str)
            .and_then(parse_rfc3339_ms);
        let mut now = now_ms;
        if let Some(prev) = previous {
            now = now.max(prev + 1);
        }
        customer.insert("updatedAt".into(), json!(format_rfc3339_ms(now)));
        // What the list call reads of it (a patch cannot set `createdAt`,
        // but the order follows it whatever changed).
        let updated = Entry::new(std::mem::take(customer), slot);
        if updated.rank != entry.rank {
            self.order.remove(&entry.rank);
            self.order.insert(updated.rank, slot);
        }
        *entry = updated;
        Some(entry.customer.clone())
    }
}

/// Sets the fields the server gives every customer, where absent:
/// `sellerId` (the sandbox seller), and `createdAt`/`updatedAt` at `now_ms`.
pub fn fill_server_fields(customer: &mut Customer, now_ms: i64) {
    fill_server_fields_with(customer, &json!(format_rfc3339_ms(now_ms)));
}

/// [`fill_server_fields`] with the time already formatted.
fn fill_server_fields_with(customer: &mut Customer, now: &Value) {
    customer
        .entry("sellerId")
        .or_insert_with(|| json!(SANDBOX_SELLER_ID));
    customer.entry("createdAt").or_insert_with(|| now.clone());
    customer.entry("updatedAt").or_insert_with(|| now.clone());
}

/// Why a test kit's customer id is refused.
pub const ID_MESSAGE: &str =
    "Must be a customer id as the API gives them: 24 hex characters (a MongoDB ObjectId, e.g. 6650a1b2c3d4e5f601234567)";

/// Checks a customer given to the test kit (its `customers` option or
/// `customers.add`) as the API would have stored it: `id`, when given, is
/// 24 hex characters (an ObjectId; stored lower-cased, as the API writes
/// it), the editable fields
/// pass the PATCH rules (types, address and shipping shapes; `null`s are
/// dropped), `email` is required and stored trimmed and lower-cased,
/// read-only fields must be strings, and fields the API does not document
/// are kept as given. Returns the fields to store, or a 400 naming every bad
/// field. (The sandbox's own `POST /__sandbox/customers` stays lenient, so
/// its tests can seed odd shapes.)
pub fn check_fixture(fields: Map<String, Value>) -> Result<Map<String, Value>, ApiError> {
    let mut errors = Vec::new();
    let mut editable = Map::new();
    let mut out = Map::new();
    for (key, value) in fields {
        if value.is_null() {
            continue;
        }
        let k = key.as_str();
        if k == "id" {
            match value.as_str().filter(|id| is_object_id(id)) {
                Some(id) => {
                    out.insert(key, json!(id.to_ascii_lowercase()));
                }
                None => errors.push(FieldError::new(k, ID_MESSAGE, value)),
            }
        } else if READ_ONLY_FIELDS.contains(&k) {
            if value.is_string() {
                out.insert(key, value);
            } else {
                errors.push(FieldError::new(k, "Must be a string", value));
            }
        } else if checkoutpage_fields::editable(k).is_some() {
            editable.insert(key, value);
        } else {
            out.insert(key, value);
        }
    }
    if !editable.contains_key("email") {
        errors.push(FieldError::new(
            "email",
            "Required: the API stores every customer with an email",
            Value::Null,
        ));
    }
    if !editable.is_empty() {
        match validate_fields(editable) {
            Ok(patch) => {
                for (key, value) in patch.0 {
                    if let Some(value) = value {
                        out.insert(key, value);
                    }
                }
            }
            Err(e) => errors.extend(e.errors),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::validation("Invalid customer", errors))
    }
}

/// A validated PATCH: `(key, Some(value))` sets, `(key, None)` clears.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Patch(pub Vec<(String, Option<Value>)>);

/// Parses and validates a PATCH body, collecting every field error.
pub fn validate_patch(body: &[u8]) -> Result<Patch, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::validation(
            "Request body must not be empty",
            vec![],
        ));
    }
    let parsed: Value = serde_json::from_slice(body)
        .map_err(|_| ApiError::validation("Invalid JSON body", vec![]))?;
    let Value::Object(fields) = parsed else {
        return Err(ApiError::validation(
            "Request body must be a JSON object",
            vec![FieldError::new("body", "Must be a JSON object", parsed)],
        ));
    };
    if fields.is_empty() {
        return Err(ApiError::validation(
            "Request body must not be empty",
            vec![],
        ));
    }
    validate_fields(fields)
}

/// Validates the fields of a PATCH body (a non-empty object), collecting
/// every field error.
pub fn validate_fields(fields: Map<String, Value>) -> Result<Patch, ApiError> {
    let mut errors = Vec::new();
    let mut patch = Patch::default();
    for (key, value) in fields {
        let k = key.as_str();
        let Some(field) = checkoutpage_fields::editable(k) else {
            let message = if READ_ONLY_FIELDS.contains(&k) {
                "Field is read-only"
            } else {
                "Unknown field"
            };
            errors.push(FieldError::new(k, message, value));
            continue;
        };
        match field.kind {
            Kind::Email => match &value {
                Value::Null => errors.push(FieldError::new(k, "Email cannot be cleared", value)),
                Value::String(s) => match normalise_email(s) {
                    Some(email) => patch.0.push((key, Some(json!(email)))),
                    None => errors.push(FieldError::new(k, "Invalid email", value)),
                },
                _ => errors.push(FieldError::new(k, "Must be a string or null", value)),
            },
            Kind::Text => match value {
                Value::Null => patch.0.push((key, None)),
                Value::String(_) => patch.0.push((key, Some(value))),
                _ => errors.push(FieldError::new(k, "Must be a string or null", value)),
            },
            Kind::Address => {
                if let Some(v) = validate_address(k, value, &mut errors) {
                    patch.0.push((key, v));
                }
            }
            Kind::Shipping => {
                if let Some(v) = validate_shipping(value, &mut errors) {
                    patch.0.push((key, v));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(patch)
    } else {
        Err(ApiError::validation("Validation failed", errors))
    }
}

/// Outcome of validating an object-or-null field: `Some(None)` clears it,
/// `Some(Some(obj))` sets it, `None` means errors were recorded.
type Validated = Option<Option<Value>>;

/// Splits an object-or-null value; records an error for anything else.
fn as_object(
    param: &str,
    value: Value,
    errors: &mut Vec<FieldError>,
) -> Option<Option<Map<String, Value>>> {
    match value {
        Value::Null => Some(None),
        Value::Object(obj) => Some(Some(obj)),
        other => {
            errors.push(FieldError::new(param, "Must be an object or null", other));
            None
        }
    }
}

/// Validates an address object (`param` is `address` or `shipping.address`).
/// Every sub-field must be a string or null; nulls are dropped.
fn validate_address(param: &str, value: Value, errors: &mut Vec<FieldError>) -> Validated {
    let Some(obj) = as_object(param, value, errors)? else {
        return Some(None);
    };
    let before = errors.len();
    let mut out = Map::new();
    for (sub, v) in obj {
        let path = format!("{param}.{sub}");
        match v {
            _ if !ADDRESS_FIELDS.contains(&sub.as_str()) => {
                errors.push(FieldError::new(path, "Unknown field", v))
            }
            Value::Null => {}
            Value::String(_) => {
                out.insert(sub, v);
            }
            _ => errors.push(FieldError::new(path, "Must be a string or null", v)),
        }
    }
    (errors.len() == before).then_some(Some(Value::Object(out)))
}

/// Validates the `shipping` object: `name`/`phone` strings or null, `address`
/// an address object or null. Nulls are dropped.
fn validate_shipping(value: Value, errors: &mut Vec<FieldError>) -> Validated {
    let Some(obj) = as_object("shipping", value, errors)? else {
        return Some(None);
    };
    let before = errors.len();
    let mut out = Map::new();
    for (sub, v) in obj {
        let path = format!("shipping.{sub}");
        match (sub.as_str(), v) {
            ("address", v) => {
                if let Some(Some(addr)) = validate_address(&path, v, errors) {
                    out.insert(sub, addr);
                }
            }
            ("name" | "phone", Value::Null) => {}
            ("name" | "phone", v @ Value::String(_)) => {
                out.insert(sub, v);
            }
            ("name" | "phone", v) => {
                errors.push(FieldError::new(path, "Must be a string or null", v))
            }
            (_, v) => errors.push(FieldError::new(path, "Unknown field", v)),
        }
    }
    (errors.len() == before).then_some(Some(Value::Object(out)))
}

/// Trims and lower-cases an email; requires exactly one `@` with text on both
/// sides.
fn normalise_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    (!local.is_empty() && !domain.is_empty() && !domain.contains('@')).then_some(email)
}

/// The seed customers. Ids are fixed so tests and the demo can rely on them;
/// see README.md.
pub fn seed_customers() -> Vec<Customer> {
    let seeds = [
        // Full profile: address, shipping, EU VAT id.
        json!({
            "id": "6650a1b2c3d4e5f601234567",
            "name": "Ada Lovelace",
            "companyName": "Analytical Engines B.V.",
            "email": "ada@analytical-engines.example",
            "phone": "+31 20 123 4567",
            "billingEmail": "billing@analytical-engines.example",
            "address": {
                "line1": "Keizersgracht 123",
                "line2": "3rd floor",
                "city": "Amsterdam",
                "state": "Noord-Holland",
                "postalCode": "1015 CJ",
                "country": "NL"
            },
            "shipping": {
                "name": "Ada Lovelace",
                "phone": "+31 20 123 4567",
                "address": {
                    "line1": "Prinsengracht 263",
                    "city": "Amsterdam",
                    "postalCode": "1016 GV",
                    "country": "NL"
                }
            },
            "taxId": "NL123456789B01",
            "taxIdType": "eu_vat",
            "sellerId": SANDBOX_SELLER_ID,
            "stripeCustomerId": "cus_Q8xK2mLpV7nR4t",
            "createdAt": "2024-05-24T09:12:44.000Z",
            "updatedAt": "2025-01-15T16:40:03.512Z"
        }),
        // Minimal: only an email.
        json!({
            "id": "6650a1b2c3d4e5f601234568",
            "email": "grace@example.com",
            "sellerId": SANDBOX_SELLER_ID,
            "createdAt": "2024-06-02T14:03:10.000Z",
            "updatedAt": "2024-06-02T14:03:10.000Z"
        }),
        // Carries an undocumented `metadata` field the server must keep.
        json!({
            "id": "6650a1b2c3d4e5f601234569",
            "name": "Linus Pauling",
            "email": "linus@example.org",
            "phone": "+1 503 555 0142",
            "address": {
                "line1": "1 Centennial Way",
                "city": "Portland",
                "state": "OR",
                "postalCode": "97201",
                "country": "US"
            },
            "sellerId": SANDBOX_SELLER_ID,
            "stripeCustomerId": "cus_R3aT9bQw1eZy6u",
            "metadata": { "tier": "gold" },
            "createdAt": "2024-07-19T08:00:00.000Z",
            "updatedAt": "2024-11-03T12:30:45.250Z"
        }),
        // Non-ASCII data, company-only billing contact.
        json!({
            "id": "6650a1b2c3d4e5f60123456a",
            "name": "Zoë Müller-Østergaard",
            "companyName": "Café Ø GmbH",
            "email": "zoe@cafe-o.example",
            "billingEmail": "rechnungen@cafe-o.example",
            "address": {
                "line1": "Torstraße 7",
                "city": "Berlin",
                "postalCode": "10119",
                "country": "DE"
            },
            "taxId": "DE123456789",
            "taxIdType": "eu_vat",
            "sellerId": SANDBOX_SELLER_ID,
            "createdAt": "2025-02-10T11:22:33.444Z",
            "updatedAt": "2025-02-10T11:22:33.444Z"
        }),
    ];
    seeds
        .into_iter()
        .filter_map(|v| match v {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(body: &str) -> Vec<(String, String)> {
        match validate_patch(body.as_bytes()) {
            Ok(_) => vec![],
            Err(e) => e.errors.into_iter().map(|e| (e.param, e.message)).collect(),
        }
    }

    #[test]
    fn email_rules() {
        assert_eq!(
            normalise_email("  Ada@Example.COM "),
            Some("ada@example.com".into())
        );
        assert_eq!(normalise_email("a@b@c"), None);
        assert_eq!(normalise_email("@b"), None);
        assert_eq!(normalise_email("a@ "), None);
    }

    #[test]
    fn nested_validation_uses_dotted_params() {
        let errs = errors_of(
            r#"{"address":{"foo":1,"city":2},"shipping":{"address":{"bar":"x"},"phone":[]}}"#,
        );
        let params: Vec<_> = errs.iter().map(|(p, _)| p.as_str()).collect();
        assert!(params.contains(&"address.foo"));
        assert!(params.contains(&"address.city"));
        assert!(params.contains(&"shipping.address.bar"));
        assert!(params.contains(&"shipping.phone"));
    }

    #[test]
    fn shipping_address_is_kept_and_nulls_dropped() {
        let patch = validate_patch(
            br#"{"shipping":{"name":"X","phone":null,"address":{"city":"Y","line2":null}}}"#,
        )
        .unwrap();
        assert_eq!(
            patch.0[0].1,
            Some(json!({"name":"X","address":{"city":"Y"}}))
        );
        let patch = validate_patch(br#"{"shipping":{"address":null}}"#).unwrap();
        assert_eq!(patch.0[0].1, Some(json!({})));
    }

    #[test]
    fn customer_view_orders_documented_keys_first() {
        let c = seed_customers().remove(2);
        let s = serde_json::to_string(&CustomerView(&c)).unwrap();
        assert!(s.starts_with(r#"{"id":"6650a1b2c3d4e5f601234569","name""#));
        assert!(s.ends_with(r#""metadata":{"tier":"gold"}}"#));
    }
}
