//! Native tests of the data model: tri-state patch serialisation and
//! tolerant customer decoding.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::model::{Address, Customer, CustomerPatch, Shipping};
use checkoutpage::value::Value;
use serde_json::json;

fn value(json: serde_json::Value) -> Value {
    serde_json::from_value(json).expect("test JSON is a Value")
}

#[test]
fn omitted_fields_are_never_serialised() {
    let patch = CustomerPatch {
        company_name: Some(Some("Acme".into())),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&patch).unwrap(),
        json!({"companyName": "Acme"})
    );
    assert_eq!(patch.to_value().to_json(), r#"{"companyName":"Acme"}"#);
}

#[test]
fn null_clears_and_value_sets() {
    let patch = CustomerPatch {
        name: Some(None),
        phone: Some(Some("+31 20 123 4567".into())),
        address: Some(None),
        shipping: Some(Some(Shipping {
            name: Some("Ada".into()),
            phone: None,
            address: Some(Address {
                city: Some("Utrecht".into()),
                ..Default::default()
            }),
        })),
        ..Default::default()
    };
    let expected = json!({
        "name": null,
        "phone": "+31 20 123 4567",
        "address": null,
        "shipping": {"name": "Ada", "address": {"city": "Utrecht"}}
    });
    assert_eq!(serde_json::to_value(&patch).unwrap(), expected);
    let via_core: serde_json::Value = serde_json::from_str(&patch.to_value().to_json()).unwrap();
    assert_eq!(via_core, expected);
}

#[test]
fn tri_state_round_trips_through_serde() {
    let text = r#"{"name":null,"taxId":"NL123456789B01","email":"a@b.co"}"#;
    let patch: CustomerPatch = serde_json::from_str(text).unwrap();
    assert_eq!(patch.name, Some(None));
    assert_eq!(patch.tax_id, Some(Some("NL123456789B01".into())));
    assert_eq!(patch.company_name, None);
    assert_eq!(patch.email.as_deref(), Some("a@b.co"));
    assert_eq!(
        serde_json::to_string(&patch).unwrap(),
        r#"{"name":null,"email":"a@b.co","taxId":"NL123456789B01"}"#
    );
}

#[test]
fn from_value_reads_every_editable_field() {
    let patch = CustomerPatch::from_value(&value(json!({
        "name": "Ada", "companyName": null, "email": "ADA@EXAMPLE.COM ", "phone": null,
        "billingEmail": "billing@example.com", "address": {"line1": "Main 1", "country": "NL"},
        "shipping": null, "taxId": "123", "taxIdType": "eu_vat"
    })))
    .unwrap();
    assert_eq!(patch.name, Some(Some("Ada".into())));
    assert_eq!(patch.company_name, Some(None));
    assert_eq!(patch.email.as_deref(), Some("ADA@EXAMPLE.COM "));
    assert_eq!(patch.shipping, Some(None));
    assert_eq!(
        patch.address,
        Some(Some(Address {
            line1: Some("Main 1".into()),
            country: Some("NL".into()),
            ..Default::default()
        }))
    );
}

#[test]
fn from_value_reports_every_problem_at_once() {
    let errors = CustomerPatch::from_value(&value(json!({
        "compnyName": "Acme",
        "id": "6650a1b2c3d4e5f601234567",
        "email": null,
        "phone": 42,
        "address": {"city": "Utrecht", "zip": "1234"},
        "shipping": {"address": {"country": 7}}
    })))
    .unwrap_err();
    let params: Vec<&str> = errors.iter().map(|e| e.param.as_str()).collect();
    assert_eq!(
        params,
        [
            "compnyName",
            "id",
            "email",
            "phone",
            "address.zip",
            "shipping.address.country"
        ]
    );
    assert!(
        errors[0].message.contains("did you mean `companyName`?"),
        "{}",
        errors[0].message
    );
    assert!(errors[1].message.contains("read-only"));
    assert!(errors[2].message.contains("cannot be cleared"));
    assert_eq!(errors[3].value, Value::Number(42.0));
    assert!(errors[3].message.contains("got a number"));
    assert_eq!(errors[5].value, Value::Number(7.0));
}

#[test]
fn from_value_rejects_empty_and_non_objects() {
    for bad in [json!({}), json!(null), json!([]), json!("name")] {
        let errors = CustomerPatch::from_value(&value(bad.clone())).unwrap_err();
        assert_eq!(errors.len(), 1, "{bad}");
        assert_eq!(errors[0].param, "", "{bad}");
    }
}

#[test]
fn customer_decodes_with_missing_and_null_fields() {
    let customer: Customer = serde_json::from_value(json!({
        "id": "6650a1b2c3d4e5f601234567",
        "email": "ada@example.com",
        "name": null,
        "address": null
    }))
    .unwrap();
    assert_eq!(customer.email.as_deref(), Some("ada@example.com"));
    assert_eq!(customer.name, None);
    assert_eq!(customer.shipping, None);
    assert!(customer.extra.is_empty());
}

#[test]
fn customer_keeps_fields_it_does_not_know() {
    let sent = json!({
        "id": "6650a1b2c3d4e5f601234567",
        "email": "ada@example.com",
        "shipping": {"name": "Ada", "address": {"country": "NL"}},
        "metadata": {"tier": "gold"},
        "loyaltyPoints": 12
    });
    for customer in [
        serde_json::from_value::<Customer>(sent.clone()).unwrap(),
        value(sent.clone()).decode::<Customer>().unwrap(),
    ] {
        assert_eq!(customer.extra.len(), 2);
        assert_eq!(
            customer.extra.get("loyaltyPoints"),
            Some(&Value::Number(12.0))
        );
        assert_eq!(
            serde_json::to_value(&customer).unwrap(),
            sent,
            "nothing lost on the way back"
        );
    }
}

#[test]
fn customer_with_wrong_types_does_not_decode() {
    assert!(value(json!({"id": 42})).decode::<Customer>().is_err());
    assert!(value(json!({"id": "x", "email": true}))
        .decode::<Customer>()
        .is_err());
    assert!(
        value(json!({"email": "a@b.co"}))
            .decode::<Customer>()
            .is_err(),
        "id is required"
    );
}

#[test]
fn json_writer_escapes_like_json_stringify() {
    let v = value(
        json!({"s": "quote\" backslash\\ nl\n tab\t bell\u{7} é 😀", "n": [1, 1.5, -0.25, 1e21]}),
    );
    let text = v.to_json();
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value(back), v);
    assert!(text.contains(r#"\u0007"#));
}

#[test]
fn from_value_agrees_with_serde() {
    let cases = [
        json!({"id": "c1"}),
        json!({"id": "c1", "name": null, "email": "a@b.co", "address": null}),
        json!({"id": "c1", "address": {"city": "Delft", "country": "NL"}, "shipping": {"name": "A", "address": null}}),
        json!({"id": "c1", "metadata": {"tier": "gold"}, "tags": ["a"]}),
        json!({"id": 42}),
        json!({"id": "c1", "email": true}),
        json!({"id": "c1", "address": "Main St"}),
        json!({"id": "c1", "shipping": {"address": {"city": 5}}}),
        json!({"name": "no id"}),
        json!([1]),
    ];
    for case in cases {
        let by_serde = serde_json::from_value::<Customer>(case.clone()).ok();
        let by_hand = Customer::from_value(&value(case.clone())).ok();
        assert_eq!(by_hand, by_serde, "{case}");
    }
}

/// A value of the right type for each editable field of the table
/// (`checkoutpage_fields`), in the table's order.
fn every_editable_field() -> serde_json::Map<String, serde_json::Value> {
    use checkoutpage_fields::{Kind, EDITABLE};
    EDITABLE
        .iter()
        .map(|field| {
            let value = match field.kind {
                Kind::Text | Kind::Email => json!(format!("{}@example.com", field.name)),
                Kind::Address => json!({"line1": "Dam 1", "city": "Amsterdam", "country": "NL"}),
                Kind::Shipping => json!({"name": "Ada", "address": {"postalCode": "1012 JS"}}),
            };
            (field.name.to_owned(), value)
        })
        .collect()
}

/// Every field of the table is read, written and serialised by the generated
/// types under its table name, in the table's order: a field added to the
/// table is covered without a test naming it.
#[test]
fn the_types_follow_the_field_table() {
    use checkoutpage::rules::CustomerDraft;
    use checkoutpage_fields::{EDITABLE_FIELDS, FIELD_ORDER};
    let fields = every_editable_field();
    let sent = serde_json::Value::Object(fields.clone());
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };

    let patch = CustomerPatch::from_value(&value(sent.clone())).expect("every field reads");
    let written: serde_json::Value = serde_json::from_str(&patch.to_value().to_json()).unwrap();
    assert_eq!(written, sent);
    assert_eq!(keys(&written), EDITABLE_FIELDS);
    assert_eq!(serde_json::to_value(&patch).unwrap(), sent);
    assert_eq!(
        serde_json::from_value::<CustomerPatch>(sent.clone()).unwrap(),
        patch
    );

    let mut stored = fields.clone();
    for (i, name) in FIELD_ORDER.iter().enumerate().rev() {
        if !fields.contains_key(*name) {
            stored.insert((*name).to_owned(), json!(format!("{name}-{i}")));
        }
    }
    let stored = serde_json::Value::Object(stored);
    let customer = Customer::from_value(&value(stored.clone())).expect("every field reads");
    assert!(customer.extra.is_empty(), "{:?}", customer.extra);
    let written: serde_json::Value = serde_json::from_str(&customer.to_value().to_json()).unwrap();
    assert_eq!(keys(&written), FIELD_ORDER);
    assert_eq!(written, stored);
    assert_eq!(serde_json::to_value(&customer).unwrap(), stored);

    let draft = CustomerDraft::from_customer(&customer);
    assert_eq!(serde_json::to_value(&draft).unwrap(), sent);
}

/// One reader: a wrong type anywhere is reported, for a patch with every
/// problem listed, for a customer (a server's response) as the first one.
#[test]
fn one_reader_for_patches_and_customers() {
    let bad = json!({
        "id": "6650a1b2c3d4e5f601234567",
        "name": 1,
        "address": {"city": 2, "planet": "Mars"},
        "shipping": {"address": []},
    });
    let customer = Customer::from_value(&value(bad.clone())).unwrap_err();
    assert_eq!(customer, "`name`: expected a string, got a number");
    let mut patch = bad.as_object().unwrap().clone();
    patch.shift_remove("id");
    let errors = CustomerPatch::from_value(&value(json!(patch))).unwrap_err();
    let params: Vec<&str> = errors.iter().map(|e| e.param.as_str()).collect();
    assert_eq!(
        params,
        ["name", "address.city", "address.planet", "shipping.address"]
    );
    let customer = Customer::from_value(&value(
        json!({"id": "x", "shipping": {"address": {"city": []}}}),
    ))
    .unwrap_err();
    assert_eq!(
        customer,
        "`shipping.address.city`: expected a string, got an array"
    );
}
