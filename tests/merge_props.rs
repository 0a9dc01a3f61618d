//! The three-way merge of a conflict-aware save (`checkoutpage::merge`),
//! natively: property tests of the four promises of issue 26 (disjoint
//! edits never lose either side; an unchanged base gives exactly my patch;
//! conflicts are symmetric; the merged patch applied to theirs holds both
//! sides' edits), plus the cases the issue names.
//!
//! Customers are generated leaf by leaf (every string field, every line of
//! `address`, `shipping.name`/`phone` and every line of `shipping.address`,
//! all from the field table) from small pools of values, so that both sides
//! often edit the same leaf, and values that only differ by what the server
//! normalises (whitespace, case) appear too. Leaves are compared in
//! canonical form (as the server stores them; empty means absent).

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use checkoutpage::merge::{differences, merge_customer, Conflict, OnConflict};
use checkoutpage::model::Customer;
use checkoutpage::rules::{apply_patch, diff_customer, CustomerDraft};
use checkoutpage::value::Value;
use checkoutpage_fields::{Kind, ADDRESS_FIELDS, EDITABLE, SHIPPING_FIELDS};
use proptest::prelude::*;

type Leaves = BTreeMap<String, Option<String>>;

/// Every leaf of a customer, dotted, from the field table.
fn leaf_names() -> Vec<String> {
    let lines = |parent: &'static str| ADDRESS_FIELDS.iter().map(move |l| format!("{parent}.{l}"));
    let mut out = Vec::new();
    for field in EDITABLE {
        match field.kind {
            Kind::Text | Kind::Email => out.push(field.name.to_owned()),
            Kind::Address => out.extend(lines(field.name)),
            Kind::Shipping => {
                for sub in SHIPPING_FIELDS {
                    match sub {
                        "address" => out.extend(lines("shipping.address")),
                        _ => out.push(format!("shipping.{sub}")),
                    }
                }
            }
        }
    }
    out
}

/// A leaf's values: few, so that edits collide; some equal once stored.
fn value_for(leaf: &str) -> BoxedStrategy<Option<String>> {
    let pool: Vec<Option<&str>> = if leaf == "email" {
        vec![
            Some("ada@example.com"),
            Some(" ADA@example.com "),
            Some("grace@example.com"),
        ]
    } else {
        vec![
            None,
            Some(""),
            Some("x"),
            Some(" x "),
            Some("y"),
            Some("Y"),
            Some("z"),
        ]
    };
    prop::sample::select(pool)
        .prop_map(|v| v.map(str::to_owned))
        .boxed()
}

/// Leaves → JSON object (nested), absent leaves omitted.
fn to_json(leaves: &Leaves) -> serde_json::Value {
    let mut root = serde_json::Map::new();
    for (name, value) in leaves {
        let Some(value) = value else { continue };
        let mut parts: Vec<&str> = name.split('.').collect();
        let last = parts.pop().unwrap();
        let mut at = &mut root;
        for part in parts {
            at = at
                .entry(part)
                .or_insert_with(|| serde_json::Value::Object(Default::default()))
                .as_object_mut()
                .unwrap();
        }
        at.insert(last.to_owned(), value.clone().into());
    }
    serde_json::Value::Object(root)
}

fn customer_of(leaves: &Leaves, updated_at: &str) -> Customer {
    let mut json = to_json(leaves);
    json["id"] = "6650a1b2c3d4e5f601234567".into();
    json["updatedAt"] = updated_at.into();
    serde_json::from_value(json).unwrap()
}

fn draft_of(leaves: &Leaves) -> CustomerDraft {
    serde_json::from_value(to_json(leaves)).unwrap()
}

/// The canonical leaves of a draft (absent ones left out).
fn canonical_leaves(draft: &CustomerDraft) -> Leaves {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut Leaves) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let name = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&name, v, out);
                }
            }
            serde_json::Value::String(s) => {
                out.insert(prefix.to_owned(), Some(s.clone()));
            }
            _ => {}
        }
    }
    let mut out = Leaves::new();
    walk(
        "",
        &serde_json::to_value(draft.canonical()).unwrap(),
        &mut out,
    );
    out
}

fn leaves_of(customer: &Customer) -> Leaves {
    canonical_leaves(&CustomerDraft::from_customer(customer))
}

/// A base, their stored customer and my draft: each side edits some leaves.
fn three_sides(edit: f64) -> impl Strategy<Value = (Leaves, Leaves, Leaves)> {
    let per_leaf: Vec<_> = leaf_names()
        .into_iter()
        .map(|leaf| {
            let v = value_for(&leaf);
            (
                Just(leaf),
                v.clone(),
                prop::option::weighted(edit, v.clone()),
                prop::option::weighted(edit, v),
            )
        })
        .collect();
    per_leaf.prop_map(|leaves| {
        let (mut base, mut theirs, mut mine) = (Leaves::new(), Leaves::new(), Leaves::new());
        for (leaf, b, t, m) in leaves {
            theirs.insert(leaf.clone(), t.unwrap_or_else(|| b.clone()));
            mine.insert(leaf.clone(), m.unwrap_or_else(|| b.clone()));
            base.insert(leaf, b);
        }
        (base, theirs, mine)
    })
}

fn get<'a>(leaves: &'a Leaves, leaf: &str) -> Option<&'a String> {
    leaves.get(leaf).and_then(Option::as_ref)
}

/// The leaves a side changed from the base (canonically).
fn changed(base: &Leaves, side: &Leaves) -> Vec<String> {
    leaf_names()
        .into_iter()
        .filter(|leaf| get(base, leaf) != get(side, leaf))
        .collect()
}

fn params(conflicts: &[Conflict]) -> Vec<&str> {
    conflicts.iter().map(|c| c.param.as_str()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Disjoint edits: no conflict, and the saved customer holds both.
    #[test]
    fn disjoint_edits_never_lose_either_side(
        (base, theirs, mine) in three_sides(0.3),
        split in any::<u64>(),
    ) {
        // Give each leaf to one side only (the other keeps the base's).
        let (mut theirs, mut mine) = (theirs, mine);
        for (i, leaf) in leaf_names().iter().enumerate() {
            if (split >> (i % 64)) & 1 == 0 {
                theirs.insert(leaf.clone(), base[leaf].clone());
            } else {
                mine.insert(leaf.clone(), base[leaf].clone());
            }
        }
        let (b, t) = (customer_of(&base, "1"), customer_of(&theirs, "2"));
        for on_conflict in OnConflict::ALL {
            let merge = merge_customer(&b, &t, &draft_of(&mine), on_conflict);
            prop_assert!(merge.conflicts.is_empty(), "{:?}", merge.conflicts);
            let saved = leaves_of(&apply_patch(&t, &merge.patch));
            let (base_c, theirs_c, mine_c) =
                (leaves_of(&b), leaves_of(&t), canonical_leaves(&draft_of(&mine)));
            for leaf in leaf_names() {
                let want = if get(&theirs_c, &leaf) != get(&base_c, &leaf) {
                    get(&theirs_c, &leaf)
                } else {
                    get(&mine_c, &leaf)
                };
                prop_assert_eq!(get(&saved, &leaf), want, "{}", leaf);
            }
            // What only they changed is not sent again.
            for leaf in &merge.theirs {
                let top = leaf.split('.').next().unwrap();
                let sent = serde_json::to_value(&merge.patch).unwrap();
                if !mine.keys().any(|m| m.starts_with(top) && merge.mine.contains(m)) {
                    prop_assert!(sent.get(top).is_none(), "{} sent: {}", top, sent);
                }
            }
        }
    }

    /// With nothing changed since loading, the save sends exactly my diff.
    #[test]
    fn an_unchanged_base_gives_exactly_my_patch((base, _theirs, mine) in three_sides(0.3)) {
        let b = customer_of(&base, "1");
        let mine = draft_of(&mine);
        for on_conflict in OnConflict::ALL {
            let merge = merge_customer(&b, &b, &mine, on_conflict);
            prop_assert_eq!(&merge.patch, &diff_customer(&b, &mine));
            prop_assert!(merge.conflicts.is_empty());
            prop_assert!(merge.theirs.is_empty() && merge.both.is_empty());
        }
    }

    /// Swapping the two sides finds the same conflicts, with `theirs` and
    /// `mine` swapped, and the same fields changed by both.
    #[test]
    fn conflicts_are_symmetric((base, theirs, mine) in three_sides(0.4)) {
        let b = customer_of(&base, "1");
        let one = merge_customer(&b, &customer_of(&theirs, "2"), &draft_of(&mine), OnConflict::Reject);
        let other = merge_customer(&b, &customer_of(&mine, "2"), &draft_of(&theirs), OnConflict::Reject);
        prop_assert_eq!(params(&one.conflicts), params(&other.conflicts));
        for (a, z) in one.conflicts.iter().zip(&other.conflicts) {
            prop_assert_eq!(&a.base, &z.base);
            prop_assert_eq!(&a.theirs, &z.mine);
            prop_assert_eq!(&a.mine, &z.theirs);
            prop_assert!(a.theirs != a.mine && a.theirs != a.base && a.mine != a.base);
        }
        prop_assert_eq!(&one.both, &other.both);
        prop_assert_eq!(&one.mine, &other.theirs);
        prop_assert_eq!(&one.theirs, &other.mine);
    }

    /// The merged patch applied to theirs holds both sides' edits: every
    /// leaf only one side changed has that side's value; a conflicted leaf
    /// has the winner's; the patch leaves nothing more to merge.
    #[test]
    fn the_merged_patch_applied_to_theirs_holds_both_sides((base, theirs, mine) in three_sides(0.4)) {
        let (b, t, m) = (customer_of(&base, "1"), customer_of(&theirs, "2"), draft_of(&mine));
        let (base_c, theirs_c, mine_c) = (leaves_of(&b), leaves_of(&t), canonical_leaves(&m));
        let conflicted = merge_customer(&b, &t, &m, OnConflict::Reject).conflicts;
        for on_conflict in [OnConflict::Mine, OnConflict::Theirs] {
            let merge = merge_customer(&b, &t, &m, on_conflict);
            prop_assert_eq!(&merge.conflicts, &conflicted);
            let saved = leaves_of(&apply_patch(&t, &merge.patch));
            for leaf in leaf_names() {
                let (they, me) = (
                    get(&theirs_c, &leaf) != get(&base_c, &leaf),
                    get(&mine_c, &leaf) != get(&base_c, &leaf),
                );
                let want = match (they, me) {
                    (true, true) if on_conflict == OnConflict::Theirs => get(&theirs_c, &leaf),
                    (_, true) => get(&mine_c, &leaf),
                    (true, false) => get(&theirs_c, &leaf),
                    (false, false) => get(&base_c, &leaf),
                };
                prop_assert_eq!(get(&saved, &leaf), want, "{}", leaf);
                prop_assert_eq!(
                    conflicted.iter().any(|c| c.param == leaf),
                    they && me && get(&theirs_c, &leaf) != get(&mine_c, &leaf),
                    "{}", leaf
                );
            }
            // Saving the merged customer again changes nothing.
            let again = merge_customer(&t, &apply_patch(&t, &merge.patch), &merge.merged, on_conflict);
            prop_assert!(again.patch.is_empty() || again.conflicts.is_empty());
            prop_assert!(diff_customer(&apply_patch(&t, &merge.patch), &merge.merged).is_empty());
        }
    }

    /// The post-save check names exactly the leaves that came back different.
    #[test]
    fn differences_name_the_leaves_that_came_back_different((_base, sent, returned) in three_sides(0.3)) {
        let (s, r) = (customer_of(&sent, "1"), customer_of(&returned, "2"));
        prop_assert_eq!(differences(&s, &r), changed(&leaves_of(&s), &leaves_of(&r)));
    }
}

fn customer(json: serde_json::Value) -> Customer {
    serde_json::from_value(json).unwrap()
}

fn loaded() -> Customer {
    customer(serde_json::json!({
        "id": "6650a1b2c3d4e5f601234567",
        "email": "ada@example.com",
        "name": "Ada",
        "address": { "line1": "1 Main St", "line2": "3rd floor", "city": "Amsterdam", "country": "NL" },
        "shipping": { "name": "Ada", "address": { "line1": "1 Main St", "city": "Amsterdam" } },
        "updatedAt": "2026-12-07T06:00:00.000Z"
    }))
}

fn edited(customer: &Customer, edit: serde_json::Value) -> CustomerDraft {
    let mut json = serde_json::to_value(CustomerDraft::from_customer(customer)).unwrap();
    json_merge(&mut json, edit);
    serde_json::from_value(json).unwrap()
}

fn json_merge(into: &mut serde_json::Value, edit: serde_json::Value) {
    match (into, edit) {
        (serde_json::Value::Object(a), serde_json::Value::Object(b)) => {
            for (k, v) in b {
                json_merge(a.entry(k).or_insert(serde_json::Value::Null), v);
            }
        }
        (slot, v) => *slot = v,
    }
}

/// The issue's own example: two tabs edit different lines of one address.
#[test]
fn the_issues_two_tabs_keep_both_address_lines() {
    let a = loaded();
    let mut stored = a.clone();
    // Tab one saved line2 first.
    stored.address.as_mut().unwrap().line2 = Some("4th floor".into());
    stored.updated_at = Some("2026-12-07T06:01:00.000Z".into());
    // Tab two changes the city from what it loaded.
    let mine = edited(&a, serde_json::json!({ "address": { "city": "Haarlem" } }));
    let merge = merge_customer(&a, &stored, &mine, OnConflict::Reject);
    assert!(merge.conflicts.is_empty());
    assert_eq!(merge.mine, ["address.city"]);
    assert_eq!(merge.theirs, ["address.line2"]);
    let body = merge.patch.to_value();
    // The complete address, both edits in it; nothing else sent.
    assert_eq!(
        body.to_json(),
        r#"{"address":{"line1":"1 Main St","line2":"4th floor","city":"Haarlem","country":"NL"}}"#
    );
    // The old diff would have sent line2 back to "3rd floor".
    let old = diff_customer(&a, &mine).to_value().to_json();
    assert!(old.contains("3rd floor"), "{old}");
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_with_all_three_values() {
    let a = loaded();
    let mut stored = a.clone();
    stored
        .shipping
        .as_mut()
        .unwrap()
        .address
        .as_mut()
        .unwrap()
        .city = Some("Utrecht".into());
    stored.name = Some("Ada L.".into());
    let mine = edited(
        &a,
        serde_json::json!({ "name": "  Ada L. ", "shipping": { "address": { "city": "Haarlem" } } }),
    );
    let merge = merge_customer(&a, &stored, &mine, OnConflict::Reject);
    assert_eq!(merge.both, ["name"], "same value once trimmed: no conflict");
    assert_eq!(
        merge.conflicts,
        [Conflict {
            param: "shipping.address.city".into(),
            base: Value::String("Amsterdam".into()),
            theirs: Value::String("Utrecht".into()),
            mine: Value::String("Haarlem".into()),
        }]
    );
    let mine_wins = merge_customer(&a, &stored, &mine, OnConflict::Mine);
    assert_eq!(
        mine_wins.patch.to_value().to_json(),
        r#"{"shipping":{"name":"Ada","address":{"line1":"1 Main St","city":"Haarlem"}}}"#
    );
    let theirs_win = merge_customer(&a, &stored, &mine, OnConflict::Theirs);
    assert!(theirs_win.patch.is_empty(), "{:?}", theirs_win.patch);
}

#[test]
fn clearing_against_an_edit_is_a_conflict_and_a_draft_without_email_leaves_it() {
    let a = loaded();
    let mut stored = a.clone();
    stored.address.as_mut().unwrap().line2 = Some("5th floor".into());
    stored.email = Some("ada@new.example".into());
    let mine = edited(
        &a,
        serde_json::json!({ "email": "", "address": { "line2": null } }),
    );
    let merge = merge_customer(&a, &stored, &mine, OnConflict::Reject);
    assert_eq!(params(&merge.conflicts), ["address.line2"]);
    assert_eq!(merge.conflicts[0].mine, Value::Null);
    assert_eq!(merge.theirs, ["email"]);
}

#[test]
fn an_address_emptied_by_both_sides_is_sent_as_null_once() {
    let a = loaded();
    let mut stored = a.clone();
    stored.address = None;
    let mine = edited(&a, serde_json::json!({ "name": "Grace", "address": null }));
    let merge = merge_customer(&a, &stored, &mine, OnConflict::Reject);
    assert!(merge.conflicts.is_empty());
    assert_eq!(merge.patch.to_value().to_json(), r#"{"name":"Grace"}"#);
    assert_eq!(merge.both.len(), 4, "{:?}", merge.both);
}

#[test]
fn on_conflict_names_are_one_list() {
    for option in OnConflict::ALL {
        assert_eq!(OnConflict::from_wire(option.as_str()), Some(option));
        assert_eq!(
            serde_json::to_value(option).unwrap(),
            serde_json::Value::String(option.as_str().into())
        );
    }
    assert_eq!(OnConflict::from_wire("ours"), None);
}

#[test]
fn the_merge_as_json_has_a_full_draft_with_nulls() {
    let a = loaded();
    let mut stored = a.clone();
    stored.name = Some("Ada K.".into());
    let mine = edited(
        &a,
        serde_json::json!({ "name": "Countess", "phone": "+31 20 000 0000" }),
    );
    let merge = merge_customer(&a, &stored, &mine, OnConflict::Theirs);
    let json = merge.to_value().to_json();
    assert!(json.starts_with(r#"{"patch":{"phone":"+31 20 000 0000"},"draft":{"name":"Ada K.","companyName":null,"email":"ada@example.com","phone":"+31 20 000 0000","billingEmail":null,"address":{"#), "{json}");
    assert!(json.ends_with(r#""mine":["phone"],"theirs":[],"both":[],"conflicts":[{"param":"name","base":"Ada","theirs":"Ada K.","mine":"Countess"}]}"#), "{json}");
}
