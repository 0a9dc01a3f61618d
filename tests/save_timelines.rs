//! The conflict-aware save (`src/save.rs`) natively, on the fake clock of
//! `tests/timelines_support` against the API imitation: its `GET` and its
//! `PATCH` are calls of the core's call machine, driven as the wasm driver
//! drives them. Issue 26: the two tabs keep both edits; a conflict sends
//! nothing; `onConflict`; the `PATCH` leaves the moment the `GET`'s answer
//! is read (retries and delays of the `GET` included), so the window an
//! unseen edit can fall in is as short as the client can make it; an edit
//! in that window is reported.

#![cfg(not(target_arch = "wasm32"))]

mod timelines_support;

use checkoutpage::config::ClientOptionsInput;
use checkoutpage::error::ErrorKind;
use checkoutpage::merge::OnConflict;
use checkoutpage::value::{Map, Value};
use checkoutpage_imitation::LogEntry;
use timelines_support::*;

const CUSTOMER: &str = r#"{
    "email": "ada@example.com",
    "name": "Ada Lovelace",
    "phone": "+31 20 123 4567",
    "address": {"line1": "Keizersgracht 123", "line2": "3rd floor", "city": "Amsterdam", "country": "NL"}
}"#;

fn world() -> (World, ClientId, String) {
    let mut world = World::default();
    let client = world.client(ClientOptionsInput {
        requests_per_minute: Some(100_000.0),
        ..ClientOptionsInput::default()
    });
    let id = world.new_customer(CUSTOMER);
    (world, client, id)
}

fn load(world: &mut World, client: ClientId, id: &str) -> Value {
    let call = world.get(client, id, CallOptions::default());
    world.run();
    world.result(call).expect("loaded")
}

/// `base` with `edit` laid over it (objects merged key by key).
fn edited(base: &Value, edit: &str) -> Value {
    fn merge(into: &mut Value, edit: Value) {
        match (into, edit) {
            (Value::Object(a), Value::Object(b)) => {
                for (k, v) in b.iter() {
                    let mut slot = a.get(k).cloned().unwrap_or(Value::Null);
                    merge(&mut slot, v.clone());
                    a.insert(k, slot);
                }
            }
            (slot, v) => *slot = v,
        }
    }
    let mut out = base.clone();
    merge(&mut out, checkoutpage::json::parse(edit).unwrap());
    out
}

fn methods(log: &[LogEntry]) -> Vec<&str> {
    log.iter().map(|e| e.method.as_str()).collect()
}

fn object(value: &Value) -> &Map {
    value.as_object().unwrap()
}

#[test]
fn two_tabs_keep_both_edits_of_one_address() {
    let (mut world, client, id) = world();
    let a = load(&mut world, client, &id);
    let b = load(&mut world, client, &id);
    let first = world.save(
        client,
        &a,
        &edited(&a, r#"{"address":{"line2":"4th floor"}}"#),
        OnConflict::Reject,
        CallOptions::default(),
    );
    world.run();
    world.now += 60_000.0;
    let second = world.save(
        client,
        &b,
        &edited(&b, r#"{"address":{"city":"Haarlem"}}"#),
        OnConflict::Reject,
        CallOptions::default(),
    );
    world.run();
    let (_, first) = world.saved(first);
    assert!(!first.unwrap().report.concurrent);
    let (_, second) = world.saved(second);
    let second = second.unwrap();
    assert!(second.report.concurrent);
    assert_eq!(second.report.mine, ["address.city"]);
    assert_eq!(second.report.theirs, ["address.line2"]);
    let address = object(&second.data).get("address").unwrap().to_json();
    assert_eq!(
        address,
        r#"{"line1":"Keizersgracht 123","line2":"4th floor","city":"Haarlem","country":"NL"}"#
    );
    let log = world.requests_for(&id);
    assert_eq!(
        methods(&log),
        ["GET", "GET", "GET", "PATCH", "GET", "PATCH"]
    );
    // The last PATCH carries the complete address, and only it.
    assert_eq!(
        log[5].body.as_deref(),
        Some(format!(r#"{{"address":{address}}}"#).as_str())
    );
}

#[test]
fn the_patch_leaves_the_moment_the_get_is_answered() {
    let (mut world, client, id) = world();
    let base = load(&mut world, client, &id);
    // The GET gets a 503, is retried after its backoff, and the retry is
    // held 700 ms by the server: the PATCH follows the GET's answer with no
    // time in between.
    world.inject_faults(&id, r#"[{"status": 503}, {"delayMs": 700}]"#);
    world.now += 1_000.0;
    let started = world.now;
    let save = world.save(
        client,
        &base,
        &edited(&base, r#"{"name":"Ada K."}"#),
        OnConflict::Reject,
        CallOptions::default(),
    );
    world.run();
    let (ended, saved) = world.saved(save);
    assert_eq!(
        saved.unwrap().report.sent.unwrap().to_value().to_json(),
        r#"{"name":"Ada K."}"#
    );
    let log = world.requests_for(&id);
    let log = &log[1..];
    assert_eq!(methods(log), ["GET", "GET", "PATCH"]);
    assert_eq!(log[0].at as f64, started);
    assert!(log[1].at as f64 > started, "the retry waited its backoff");
    assert_eq!(log[1].status, Some(200));
    assert_eq!(
        log[2].at,
        log[1].at + 700,
        "the PATCH arrives the moment the held GET is answered"
    );
    assert_eq!(ended, log[2].at as f64);
}

#[test]
fn a_conflict_sends_nothing_and_on_conflict_settles_it() {
    let (mut world, client, id) = world();
    let base = load(&mut world, client, &id);
    let edit = world.api.edit_customer(
        &id,
        br#"{"name":"Ada K.","phone":"+31 20 000 0000"}"#,
        world.now as i64 + 1,
    );
    assert_eq!(edit.status, 200);
    let draft = edited(&base, r#"{"name":"Ada Lovelace-King"}"#);
    let before = world.requests_for(&id).len();
    let refused = world.save(
        client,
        &base,
        &draft,
        OnConflict::Reject,
        CallOptions::default(),
    );
    world.run();
    let error = world.saved(refused).1.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Conflict);
    let found = error.conflict.as_deref().unwrap();
    assert_eq!(found.conflicts.len(), 1);
    assert_eq!(found.conflicts[0].param, "name");
    assert_eq!(field(&found.current, "name"), Some("Ada K."));
    assert_eq!(methods(&world.requests_for(&id)[before..]), ["GET"]);

    let mine = world.save(
        client,
        &base,
        &draft,
        OnConflict::Mine,
        CallOptions::default(),
    );
    world.run();
    let mine = world.saved(mine).1.unwrap();
    assert_eq!(field(&mine.data, "name"), Some("Ada Lovelace-King"));
    assert_eq!(
        field(&mine.data, "phone"),
        Some("+31 20 000 0000"),
        "their other edit kept"
    );
    assert_eq!(mine.report.conflicts.len(), 1);

    let again = edited(&mine.data, r#"{"name":"Countess"}"#);
    world
        .api
        .edit_customer(&id, br#"{"name":"Ada K."}"#, world.now as i64 + 1);
    let theirs = world.save(
        client,
        &mine.data,
        &again,
        OnConflict::Theirs,
        CallOptions::default(),
    );
    world.run();
    let theirs = world.saved(theirs).1.unwrap();
    assert_eq!(field(&theirs.data, "name"), Some("Ada K."));
    assert_eq!(theirs.report.sent, None, "nothing left to send: no PATCH");
}

#[test]
fn an_edit_between_the_get_and_the_patch_is_reported() {
    let (mut world, client, id) = world();
    let base = load(&mut world, client, &id);
    // Consumed by the save's GET (a 0 ms hold), then by its PATCH: someone
    // else's save lands just before the PATCH.
    world.inject_faults(
        &id,
        r#"[{"delayMs": 0}, {"edit": {"phone": "+44 20 7946 0000"}}]"#,
    );
    let save = world.save(
        client,
        &base,
        &edited(&base, r#"{"name":"Ada K."}"#),
        OnConflict::Reject,
        CallOptions::default(),
    );
    world.run();
    let saved = world.saved(save).1.unwrap();
    assert_eq!(saved.report.differences, ["phone"]);
    assert_eq!(field(&saved.data, "phone"), Some("+44 20 7946 0000"));
    assert_eq!(field(&saved.data, "name"), Some("Ada K."));
}

#[test]
fn a_failed_get_ends_the_save_with_its_error() {
    let (mut world, client, id) = world();
    let base = load(&mut world, client, &id);
    world.inject_faults(&id, r#"[{"status": 404}]"#);
    let save = world.save(
        client,
        &base,
        &edited(&base, r#"{"name":"x"}"#),
        OnConflict::Reject,
        CallOptions::default(),
    );
    world.run();
    assert_error(
        &world.saved(save).1.unwrap_err(),
        ErrorKind::NotFound,
        Some(404),
    );
    assert_eq!(methods(&world.requests_for(&id)[1..]), ["GET"]);
}
