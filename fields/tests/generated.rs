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

/// The test kit's `FakeCustomer` (`npm/testing/index.d.ts`, between its
/// two generated-block lines) is what `typescript::fake_customer` makes of
/// the table today; `BLESS=1` rewrites it.
#[test]
fn generated_fake_customer_is_current() {
    use checkoutpage_fields::typescript::{fake_customer, FAKE_CUSTOMER};
    let (file, begin, end) = FAKE_CUSTOMER;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(file);
    let text = std::fs::read_to_string(&path).expect("the kit's types");
    let start = text.find(begin).expect("the generated block's first line") + begin.len();
    let stop = start
        + text[start..]
            .find(end)
            .expect("the generated block's last line");
    let expected = fake_customer();
    if std::env::var_os("BLESS").is_some() {
        let updated = [&text[..start], expected.as_str(), &text[stop..]].concat();
        std::fs::write(&path, updated).expect("write the kit's types");
    } else {
        assert!(
            text[start..stop] == expected,
            "FakeCustomer in {} is not what the field table generates; regenerate it with \
             `BLESS=1 cargo test -p checkoutpage-fields --test generated`",
            path.display()
        );
    }
}

/// `whole` holds `part` in order (other names may come between).
fn in_order(part: &[&str], whole: &[&str]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|name| rest.any(|w| w == name))
}

/// The lists derived from the table hold the documented fields, in the
/// API's order (a field added since may come between).
#[test]
fn lists_follow_the_table() {
    use checkoutpage_fields::*;
    let documented = [
        "name",
        "companyName",
        "email",
        "phone",
        "billingEmail",
        "address",
        "shipping",
        "taxId",
        "taxIdType",
    ];
    assert!(
        in_order(&documented, &EDITABLE_FIELDS),
        "{EDITABLE_FIELDS:?}"
    );
    let strings = [
        "name",
        "companyName",
        "email",
        "phone",
        "billingEmail",
        "taxId",
        "taxIdType",
    ];
    assert!(in_order(&strings, &STRING_FIELDS), "{STRING_FIELDS:?}");
    assert!(STRING_FIELDS
        .iter()
        .all(|name| editable(name).is_some_and(|f| f.kind.is_string())));
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
    let n = EDITABLE_FIELDS.len();
    assert_eq!(FIELD_ORDER[0], "id");
    assert_eq!(FIELD_ORDER[1..=n], EDITABLE_FIELDS);
    assert_eq!(FIELD_ORDER[n + 1..], READ_ONLY_FIELDS[1..]);
    assert_eq!(editable("email").map(|f| f.kind), Some(Kind::Email));
    assert_eq!(editable("sellerId"), None);
    assert_eq!(
        ADDRESS_FIELDS,
        ["line1", "line2", "city", "state", "postalCode", "country"]
    );
}
