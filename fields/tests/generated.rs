//! Files generated from the field table are current.

use std::path::Path;

/// `www/src/customer-fields.ts` is what `typescript::render` makes of the
/// table today. After changing the table, regenerate it with
/// `BLESS=1 cargo test -p checkoutpage-fields --test generated`.
#[test]
fn generated_typescript_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(checkoutpage_fields::typescript::PATH);
    let expected = checkoutpage_fields::typescript::render();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &expected).expect("write the generated file");
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is not what the field table generates; regenerate it with \
         `BLESS=1 cargo test -p checkoutpage-fields --test generated`",
        path.display()
    );
}

/// The lists derived from the table.
#[test]
fn lists_follow_the_table() {
    use checkoutpage_fields::*;
    assert_eq!(
        EDITABLE_FIELDS,
        [
            "name",
            "companyName",
            "email",
            "phone",
            "billingEmail",
            "address",
            "shipping",
            "taxId",
            "taxIdType"
        ]
    );
    assert_eq!(
        STRING_FIELDS,
        [
            "name",
            "companyName",
            "email",
            "phone",
            "billingEmail",
            "taxId",
            "taxIdType"
        ]
    );
    assert_eq!(
        READ_ONLY_FIELDS,
        [
            "id",
            "sellerId",
            "stripeCustomerId",
            "createdAt",
            "updatedAt"
        ]
    );
    assert_eq!(FIELD_ORDER[0], "id");
    assert_eq!(FIELD_ORDER[1..10], EDITABLE_FIELDS);
    assert_eq!(FIELD_ORDER[10..], READ_ONLY_FIELDS[1..]);
    assert_eq!(editable("email").map(|f| f.kind), Some(Kind::Email));
    assert_eq!(editable("sellerId"), None);
}
