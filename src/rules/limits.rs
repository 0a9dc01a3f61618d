//! Maximum lengths of string fields, from the field table.

use checkoutpage_fields::{Field, ADDRESS, EDITABLE};

/// The most characters (Unicode scalar values, counted after trimming) each
/// string field may hold ([`checkoutpage_fields::Spec::max_chars`]).
///
/// Keys are field names; the address keys apply to both `address` and
/// `shipping.address`, and `name` and `phone` apply to `shipping.name` and
/// `shipping.phone` too. `country` has no entry: it must be exactly two
/// letters anyway.
pub const MAX_CHARS: [(&str, usize); count(EDITABLE) + count(&ADDRESS)] = limits();

/// How many of `fields` have a limit.
const fn count(fields: &[Field]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < fields.len() {
        if fields[i].spec.max_chars.is_some() {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The limits of the customer's fields, then of an address's.
const fn limits<const N: usize>() -> [(&'static str, usize); N] {
    let mut out = [("", 0); N];
    let mut n = 0;
    let tables: [&[Field]; 2] = [EDITABLE, &ADDRESS];
    let mut t = 0;
    while t < tables.len() {
        let mut i = 0;
        while i < tables[t].len() {
            if let Some(max) = tables[t][i].spec.max_chars {
                out[n] = (tables[t][i].name, max);
                n += 1;
            }
            i += 1;
        }
        t += 1;
    }
    out
}

/// The limit for the field whose last dotted segment is `key`, if any.
pub(crate) fn max_chars(key: &str) -> Option<usize> {
    MAX_CHARS
        .iter()
        .find(|(name, _)| name.len() == key.len() && *name == key)
        .map(|(_, max)| *max)
}

#[cfg(test)]
mod tests {
    /// The limits as they were listed by hand before the field table (a
    /// field added since may add its own).
    #[test]
    fn limits_are_the_documented_ones() {
        let listed = [
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
        for limit in listed {
            assert!(super::MAX_CHARS.contains(&limit), "{limit:?}");
        }
        assert!(!super::MAX_CHARS.iter().any(|(name, _)| *name == "country"));
    }
}
