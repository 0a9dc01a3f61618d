//! Diff and apply semantics: omitted vs `null`, whole sub-objects,
//! normalisation differences that are not changes.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::model::{Address, Customer, CustomerPatch, Shipping};
use checkoutpage::rules::{apply_patch, diff_customer, normalize_patch, CustomerDraft};
use checkoutpage::value::{Map, Value};

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn stored() -> Customer {
    let mut extra = Map::new();
    extra.insert("loyaltyTier", Value::from("gold"));
    Customer {
        id: "6650a1b2c3d4e5f601234567".into(),
        name: s("Ada Lovelace"),
        company_name: s("Analytical Engines"),
        email: s("ada@example.com"),
        phone: s("+44 20 7946 0958"),
        address: Some(Address {
            line1: s("10 Downing Street"),
            city: s("London"),
            postal_code: s("SW1A 2AA"),
            country: s("GB"),
            ..Default::default()
        }),
        shipping: Some(Shipping {
            name: s("Ada"),
            phone: None,
            address: Some(Address {
                line1: s("Keizersgracht 1"),
                city: s("Amsterdam"),
                country: s("NL"),
                ..Default::default()
            }),
        }),
        tax_id: s("GB123456789"),
        tax_id_type: s("gb_vat"),
        seller_id: s("seller_1"),
        stripe_customer_id: s("cus_123"),
        created_at: s("2024-01-01T00:00:00Z"),
        updated_at: s("2024-02-01T00:00:00Z"),
        extra,
        // Fields of the table not set here (billing_email, say) are absent.
        ..Default::default()
    }
}

fn json(patch: &CustomerPatch) -> String {
    patch.to_value().to_json()
}

#[test]
fn an_unchanged_draft_gives_an_empty_patch() {
    let before = stored();
    let patch = diff_customer(&before, &CustomerDraft::from_customer(&before));
    assert!(patch.is_empty(), "{}", json(&patch));
}

#[test]
fn differences_normalisation_removes_are_not_changes() {
    let before = stored();
    let mut draft = CustomerDraft::from_customer(&before);
    draft.name = s("  Ada Lovelace\n");
    draft.email = s(" ADA@Example.COM ");
    draft.tax_id_type = s("gb_vat ");
    let address = draft.address.as_mut().unwrap();
    address.country = s(" gb");
    address.city = s("London\t");
    address.line2 = s("   "); // empty counts as absent, like the stored None
    let patch = diff_customer(&before, &draft);
    assert!(patch.is_empty(), "{}", json(&patch));
}

#[test]
fn unchanged_fields_are_omitted_and_changed_ones_sent_normalised() {
    let before = stored();
    let mut draft = CustomerDraft::from_customer(&before);
    draft.company_name = s("  Acme Ltd ");
    draft.email = s("Ada.Lovelace@Example.com");
    draft.billing_email = s(" Invoices@Example.com");
    let patch = diff_customer(&before, &draft);
    assert_eq!(
        json(&patch),
        r#"{"companyName":"Acme Ltd","email":"ada.lovelace@example.com","billingEmail":"invoices@example.com"}"#
    );
}

#[test]
fn removed_or_emptied_optional_fields_become_null() {
    let before = stored();
    let mut draft = CustomerDraft::from_customer(&before);
    draft.name = None;
    draft.company_name = s("   ");
    draft.phone = s("");
    draft.address = None;
    draft.tax_id = None;
    draft.tax_id_type = s("");
    let patch = diff_customer(&before, &draft);
    assert_eq!(
        json(&patch),
        r#"{"name":null,"companyName":null,"phone":null,"address":null,"taxId":null,"taxIdType":null}"#
    );
}

#[test]
fn absent_stays_absent_even_when_the_draft_has_an_empty_string() {
    let before = Customer {
        id: "x".into(),
        ..Default::default()
    };
    let draft = CustomerDraft {
        name: s(""),
        phone: s("  "),
        address: Some(Address {
            line1: s(" "),
            ..Default::default()
        }),
        shipping: Some(Shipping::default()),
        ..Default::default()
    };
    assert!(diff_customer(&before, &draft).is_empty());
}

#[test]
fn email_cannot_be_cleared_so_an_emptied_email_is_omitted() {
    let before = stored();
    for email in [None, s(""), s("   ")] {
        let mut draft = CustomerDraft::from_customer(&before);
        draft.email = email;
        assert!(diff_customer(&before, &draft).is_empty());
    }
}

#[test]
fn a_change_inside_address_sends_the_whole_normalised_address() {
    let before = stored();
    let mut draft = CustomerDraft::from_customer(&before);
    let address = draft.address.as_mut().unwrap();
    address.postal_code = s(" sw1a 1aa ");
    address.state = s(""); // empty sub-fields are left out
    let patch = diff_customer(&before, &draft);
    assert_eq!(
        json(&patch),
        r#"{"address":{"line1":"10 Downing Street","city":"London","postalCode":"sw1a 1aa","country":"GB"}}"#
    );
}

#[test]
fn a_change_deep_inside_shipping_sends_the_whole_shipping() {
    let before = stored();
    let mut draft = CustomerDraft::from_customer(&before);
    let shipping = draft.shipping.as_mut().unwrap();
    shipping.address.as_mut().unwrap().country = s("be");
    shipping.address.as_mut().unwrap().city = s("Brussel");
    let patch = diff_customer(&before, &draft);
    assert_eq!(
        json(&patch),
        r#"{"shipping":{"name":"Ada","address":{"line1":"Keizersgracht 1","city":"Brussel","country":"BE"}}}"#
    );
}

#[test]
fn an_address_with_only_empty_fields_counts_as_removed() {
    let before = stored();
    let mut draft = CustomerDraft::from_customer(&before);
    draft.address = Some(Address {
        line1: s(""),
        line2: s(" "),
        city: s("\t"),
        state: None,
        postal_code: s(""),
        country: s(""),
    });
    draft.shipping = Some(Shipping {
        name: s(" "),
        phone: None,
        address: Some(Address::default()),
    });
    let patch = diff_customer(&before, &draft);
    assert_eq!(json(&patch), r#"{"address":null,"shipping":null}"#);
}

#[test]
fn apply_merges_top_level_and_replaces_sub_objects_whole() {
    let before = stored();
    let patch = CustomerPatch {
        name: Some(None),
        email: Some(" NEW@Example.com ".into()),
        phone: Some(Some(" +31 20 123 4567 ".into())),
        address: Some(Some(Address {
            city: s("Utrecht "),
            country: s("nl"),
            ..Default::default()
        })),
        ..Default::default()
    };
    let after = apply_patch(&before, &patch);
    assert_eq!(after.name, None);
    assert_eq!(after.email, s("new@example.com"));
    assert_eq!(after.phone, s("+31 20 123 4567"));
    assert_eq!(
        after.address,
        Some(Address {
            city: s("Utrecht"),
            country: s("NL"),
            ..Default::default()
        })
    );
    // Untouched: omitted fields, read-only fields, updatedAt, extra.
    assert_eq!(after.company_name, before.company_name);
    assert_eq!(after.shipping, before.shipping);
    assert_eq!(after.tax_id, before.tax_id);
    assert_eq!(after.id, before.id);
    assert_eq!(after.seller_id, before.seller_id);
    assert_eq!(after.updated_at, before.updated_at);
    assert_eq!(after.extra, before.extra);
}

#[test]
fn apply_keeps_empty_strings_as_the_server_would() {
    let before = stored();
    let patch = CustomerPatch {
        company_name: Some(Some("   ".into())),
        ..Default::default()
    };
    assert_eq!(apply_patch(&before, &patch).company_name, s(""));
    assert_eq!(normalize_patch(&patch).company_name, Some(s("")));
}

#[test]
fn diff_then_apply_reaches_the_draft() {
    let before = stored();
    let draft = CustomerDraft {
        name: s(" Grace Hopper "),
        email: s("Grace@Navy.mil"),
        shipping: Some(Shipping {
            phone: s("+1 (555) 010-0000"),
            ..Default::default()
        }),
        ..Default::default()
    };
    let patch = diff_customer(&before, &draft);
    let after = apply_patch(&before, &patch);
    assert_eq!(after.name, s("Grace Hopper"));
    assert_eq!(after.email, s("grace@navy.mil"));
    assert_eq!(after.company_name, None);
    assert_eq!(after.address, None);
    assert_eq!(
        after.shipping,
        Some(Shipping {
            phone: s("+1 (555) 010-0000"),
            ..Default::default()
        })
    );
    assert!(diff_customer(&after, &draft).is_empty());
    assert_eq!(
        CustomerPatch::from_value(&patch.to_value()).as_ref(),
        Ok(&patch)
    );
}

#[test]
fn a_partial_draft_leaves_what_it_omits_unchanged() {
    let mut state = Map::new();
    state.insert("name", Value::from("Ada King"));
    state.insert("phone", Value::Null);
    state.insert("unknownKey", Value::from("ignored"));
    let draft = CustomerDraft::from_partial(&stored(), &state).unwrap();
    assert_eq!(
        json(&diff_customer(&stored(), &draft)),
        r#"{"name":"Ada King","phone":null}"#
    );
    let mut wrong = Map::new();
    wrong.insert("address", Value::from("not an address"));
    assert!(CustomerDraft::from_partial(&stored(), &wrong).is_err());
}

/// Trial of issue 26, F4: a draft holding part of a sub-object
/// (`{ address: { city } }`) cleared the address's other lines, because the
/// API replaces `address` and `shipping` whole and the draft's object
/// replaced the stored one. Inside a sub-object, as at the top, a key left
/// out is unchanged and `null` (or `""`) empties it.
#[test]
fn a_partial_sub_object_leaves_the_sub_fields_it_omits_unchanged() {
    let diff = |state: &str| {
        let Ok(Value::Object(state)) = checkoutpage::json::parse(state) else {
            panic!("an object: {state}")
        };
        let draft = CustomerDraft::from_partial(&stored(), &state).unwrap();
        assert_eq!(
            CustomerDraft::from_partial_by_merge(&stored(), &state),
            Ok(draft.clone())
        );
        json(&diff_customer(&stored(), &draft))
    };
    assert_eq!(
        diff(r#"{"address":{"city":"Haarlem"}}"#),
        r#"{"address":{"line1":"10 Downing Street","city":"Haarlem","postalCode":"SW1A 2AA","country":"GB"}}"#
    );
    assert_eq!(
        diff(r#"{"address":{"postalCode":null,"state":"Greater London"}}"#),
        r#"{"address":{"line1":"10 Downing Street","city":"London","state":"Greater London","country":"GB"}}"#
    );
    assert_eq!(
        diff(r#"{"shipping":{"address":{"city":"Utrecht"}}}"#),
        r#"{"shipping":{"name":"Ada","address":{"line1":"Keizersgracht 1","city":"Utrecht","country":"NL"}}}"#
    );
    assert_eq!(
        diff(r#"{"shipping":{"phone":"+31 20 000 0000"}}"#),
        r#"{"shipping":{"name":"Ada","phone":"+31 20 000 0000","address":{"line1":"Keizersgracht 1","city":"Amsterdam","country":"NL"}}}"#
    );
    assert_eq!(
        diff(r#"{"shipping":{"address":null}}"#),
        r#"{"shipping":{"name":"Ada"}}"#
    );
    // An empty object changes nothing; `null` removes the whole object.
    assert_eq!(diff(r#"{"address":{},"shipping":{"address":{}}}"#), "{}");
    assert_eq!(diff(r#"{"address":null}"#), r#"{"address":null}"#);
    // A complete sub-object, as a form holds it, is read as before.
    assert_eq!(
        diff(
            r#"{"address":{"line1":"Main St 1","city":"London","postalCode":"SW1A 2AA","country":"GB"}}"#
        ),
        r#"{"address":{"line1":"Main St 1","city":"London","postalCode":"SW1A 2AA","country":"GB"}}"#
    );
}
