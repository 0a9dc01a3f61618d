//! Maximum lengths of string fields.

/// The most characters (Unicode scalar values, counted after trimming) each
/// string field may hold.
///
/// Keys are field names; the address keys apply to both `address` and
/// `shipping.address`, and `name` and `phone` apply to `shipping.name` and
/// `shipping.phone` too. `country` has no entry: it must be exactly two
/// letters anyway.
pub const MAX_CHARS: [(&str, usize); 12] = [
    ("name", 256),
    ("companyName", 256),
    ("email", 254),
    ("phone", 48),
    ("billingEmail", 254),
    ("taxId", 64),
    ("taxIdType", 32),
    ("line1", 200),
    ("line2", 200),
    ("city", 100),
    ("state", 100),
    ("postalCode", 16),
];

/// The limit for the field whose last dotted segment is `key`, if any.
pub(crate) fn max_chars(key: &str) -> Option<usize> {
    MAX_CHARS
        .iter()
        .find(|(name, _)| name.len() == key.len() && *name == key)
        .map(|(_, max)| *max)
}
