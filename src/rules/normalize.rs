//! What the server stores: trimmed strings, lowercased emails, uppercased
//! country codes.

use crate::model::CustomerPatch;

/// The patch as the server will store it.
///
/// - every string is trimmed (JavaScript `trim` semantics: ECMAScript
///   WhiteSpace and LineTerminator, so U+FEFF is trimmed and U+0085 is not);
/// - `email` **and `billingEmail`** are lowercased (the API documents this for
///   `email`; this SDK treats the invoice address the same way);
/// - `country` (in `address` and `shipping.address`) is uppercased;
/// - nothing else changes: omitted stays omitted, `null` stays `null`, and a
///   string that is empty after trimming stays an empty string (it is not
///   turned into `null`).
///
/// Case mapping is ASCII-only: a valid email and a country code are ASCII.
/// Which field is mapped how is part of the field table
/// ([`checkoutpage_fields::Spec::case`]).
///
/// Idempotent: normalising twice gives the same patch. It does not validate;
/// run [`validate_patch`](super::validate_patch) on the original JSON first.
pub fn normalize_patch(patch: &CustomerPatch) -> CustomerPatch {
    patch.normalized()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Address;

    #[test]
    fn normalises_every_string() {
        let patch = CustomerPatch {
            name: Some(Some("  Ada  ".into())),
            company_name: Some(None),
            email: Some(" ADA@Example.COM\n".into()),
            billing_email: Some(Some(" Billing@Example.com ".into())),
            phone: Some(Some("   ".into())),
            address: Some(Some(Address {
                city: Some(" Utrecht ".into()),
                country: Some(" nl ".into()),
                ..Default::default()
            })),
            tax_id_type: Some(Some(" eu_vat ".into())),
            ..Default::default()
        };
        let normal = normalize_patch(&patch);
        assert_eq!(normal.name, Some(Some("Ada".into())));
        assert_eq!(normal.company_name, Some(None));
        assert_eq!(normal.email.as_deref(), Some("ada@example.com"));
        assert_eq!(
            normal.billing_email,
            Some(Some("billing@example.com".into()))
        );
        assert_eq!(normal.phone, Some(Some(String::new())));
        let address = normal.address.clone().unwrap().unwrap();
        assert_eq!(address.city.as_deref(), Some("Utrecht"));
        assert_eq!(address.country.as_deref(), Some("NL"));
        assert_eq!(address.line1, None);
        assert_eq!(normal.tax_id_type, Some(Some("eu_vat".into())));
        assert_eq!(normal.tax_id, None);
        assert_eq!(normalize_patch(&normal), normal);
    }
}
