//! Native tests of bulk-update bookkeeping.

#![cfg(not(target_arch = "wasm32"))]

use checkoutpage::bulk::{BulkJob, Outcome, Progress};
use checkoutpage::config::{ClientConfig, ClientOptionsInput};
use checkoutpage::endpoints::update_customer;
use checkoutpage::error::{Error, ErrorKind};
use checkoutpage::model::CustomerPatch;
use checkoutpage::value::Value;

fn prepare(
    id: &str,
    patch: CustomerPatch,
) -> (String, Result<checkoutpage::endpoints::HttpRequest, Error>) {
    let config = ClientConfig::new(ClientOptionsInput::default()).unwrap();
    (id.to_owned(), update_customer::request(&config, id, &patch))
}

fn named(name: &str) -> CustomerPatch {
    CustomerPatch {
        name: Some(Some(name.into())),
        ..Default::default()
    }
}

#[test]
fn invalid_items_fail_alone_without_a_request() {
    let mut job = BulkJob::new(vec![
        prepare("a", named("A")),
        prepare("b", CustomerPatch::default()),
        prepare("", named("C")),
        prepare("d", named("D")),
    ]);
    assert_eq!(
        job.progress(),
        Progress {
            complete: true,
            done: 2,
            total: 4,
            failed: 2
        }
    );
    let (first, request) = job.next_request().unwrap();
    assert_eq!((first, request.url.ends_with("/a")), (0, true));
    assert_eq!(job.next_request().unwrap().0, 3, "skips the invalid ones");
    assert!(job.next_request().is_none());
}

#[test]
fn results_come_back_in_input_order() {
    let mut job = BulkJob::new(
        (0..5)
            .map(|i| prepare(&format!("c{i}"), named("x")))
            .collect(),
    );
    let mut started: Vec<usize> =
        std::iter::from_fn(|| job.next_request().map(|(i, _)| i)).collect();
    started.reverse(); // finish out of order
    for i in started {
        let outcome = if i == 2 {
            Outcome::Failed(Error::new(ErrorKind::Server, "boom"))
        } else {
            Outcome::Updated(Value::String(format!("c{i}")))
        };
        job.finish(i, outcome);
    }
    assert_eq!(
        job.progress(),
        Progress {
            complete: true,
            done: 5,
            total: 5,
            failed: 1
        }
    );
    let results = job.into_results();
    let ids: Vec<&str> = results.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["c0", "c1", "c2", "c3", "c4"]);
    assert!(matches!(results[2].1, Outcome::Failed(_)));
    assert_eq!(results[4].1, Outcome::Updated(Value::String("c4".into())));
}

#[test]
fn abort_marks_every_unstarted_item() {
    let mut job = BulkJob::new(
        (0..4)
            .map(|i| prepare(&format!("c{i}"), named("x")))
            .collect(),
    );
    let (in_flight, _) = job.next_request().unwrap();
    job.abort_rest();
    assert_eq!(
        job.progress(),
        Progress {
            complete: true,
            done: 3,
            total: 4,
            failed: 3
        }
    );
    // The item in flight still finishes normally.
    job.finish(in_flight, Outcome::Updated(Value::Null));
    let results = job.into_results();
    assert_eq!(results[0].1, Outcome::Updated(Value::Null));
    for (_, outcome) in &results[1..] {
        assert!(matches!(outcome, Outcome::Failed(e) if e.kind == ErrorKind::Aborted));
    }
}

#[test]
fn an_outcome_is_recorded_once() {
    let mut job = BulkJob::new(vec![prepare("a", named("A"))]);
    job.finish(0, Outcome::Updated(Value::Null));
    job.finish(0, Outcome::Failed(Error::new(ErrorKind::Server, "late")));
    job.finish(7, Outcome::Updated(Value::Null));
    assert_eq!(
        job.progress(),
        Progress {
            complete: true,
            done: 1,
            total: 1,
            failed: 0
        }
    );
}

/// What `updateCustomers` resolves to and `onProgress` gets is the core's:
/// `{customerId, ok, customer}` (a failed item's error apart, for the shell
/// to add as a `CheckoutPageError`), `{done, total, failed}`.
#[test]
fn results_and_progress_as_javascript_gets_them() {
    let data: Value = serde_json::from_str(r#"{"id": "a", "email": "a@x.io"}"#).unwrap();
    let (result, error) = Outcome::Updated(data).into_result("a");
    assert_eq!(error, None);
    assert_eq!(
        serde_json::to_string(&result).unwrap(),
        r#"{"customerId":"a","ok":true,"customer":{"id":"a","email":"a@x.io"}}"#
    );
    let failed = Outcome::Failed(Error::new(ErrorKind::Aborted, "stopped"));
    let (result, error) = failed.into_result("b");
    assert_eq!(error.map(|e| e.kind), Some(ErrorKind::Aborted));
    assert_eq!(
        serde_json::to_string(&result).unwrap(),
        r#"{"customerId":"b","ok":false}"#
    );
    let progress = Progress {
        done: 2,
        total: 3,
        complete: true,
        failed: 1,
    };
    assert_eq!(
        serde_json::to_string(&progress.to_value()).unwrap(),
        r#"{"done":2,"total":3,"failed":1}"#
    );
    let coming = Progress {
        complete: false,
        ..progress
    };
    assert_eq!(
        serde_json::to_string(&coming.to_value()).unwrap(),
        r#"{"done":2,"total":null,"failed":1}"#
    );
}

/// Issue 24: items that arrive one by one (an iterable or async iterable):
/// a free worker is asked to pull while the input is open, the total is
/// not final until it closes, and an abort closes it.
#[test]
fn an_open_job_pulls_items_until_its_input_closes() {
    use checkoutpage::bulk::Next;
    use checkoutpage::call::Patience;
    let patience = Patience::queued(1000, 0);
    let mut job = BulkJob::open();
    assert!(matches!(job.next(false, patience), Next::Pull));
    job.push(prepare("a", named("A")));
    job.push(prepare("b", CustomerPatch::default()));
    let progress = job.progress();
    assert_eq!(
        (progress.done, progress.total, progress.complete),
        (1, 2, false)
    );
    let Next::Item(index, _) = job.next(false, patience) else {
        panic!("expected item a")
    };
    assert_eq!(index, 0);
    assert!(matches!(job.next(false, patience), Next::Pull));
    job.close();
    assert!(matches!(job.next(false, patience), Next::Stop));
    job.finish(index, Outcome::Failed(Error::new(ErrorKind::Network, "x")));
    job.push(prepare("late", named("L")));
    let progress = job.progress();
    assert_eq!(
        (progress.done, progress.total, progress.complete),
        (2, 2, true)
    );
    assert_eq!(job.into_results().len(), 2, "nothing pushed after closing");

    let mut aborted = BulkJob::open();
    aborted.push(prepare("a", named("A")));
    assert!(matches!(aborted.next(true, patience), Next::Stop));
    assert_eq!(
        aborted.report().map(|p| p.done),
        Some(1),
        "the abort ended one"
    );
    assert!(!aborted.is_open());
    assert!(aborted.progress().complete);
}

/// An open job holds at most `MAX_BULK_ITEMS`: the driver refuses one more
/// (`args::too_many_items`, a `validation` error on `items`) instead of
/// leaving the rest of an iterable unsent without a word.
#[test]
fn an_open_job_is_full_at_the_bulk_item_cap() {
    use checkoutpage::args::{too_many_items, MAX_BULK_ITEMS};
    use checkoutpage::messages::Locale;
    let mut job = BulkJob::open();
    for _ in 0..MAX_BULK_ITEMS - 1 {
        job.push((String::new(), Err(Error::new(ErrorKind::Validation, "x"))));
    }
    assert!(!job.is_full());
    job.push((String::new(), Err(Error::new(ErrorKind::Validation, "x"))));
    assert!(job.is_full());
    let error = too_many_items(Locale::En);
    assert_eq!(error.kind, ErrorKind::Validation);
    assert_eq!(error.errors[0].param, "items");
}

/// What a pull from an iterable of items does to the job is the core's
/// (`bulk::pulled`): an item is read only when it is taken; the iterable's
/// end closes the job; a throw, or one item past the cap, rejects the call.
#[test]
fn pulls_from_an_iterable_are_the_core_s_decisions() {
    use checkoutpage::args::{BulkItem, Snapshot, MAX_BULK_ITEMS};
    use checkoutpage::bulk::{pulled, Pull, Rejection};
    use checkoutpage::messages::Locale;
    use checkoutpage::rules::ValidationMode;
    let config = ClientConfig::new(ClientOptionsInput::default()).unwrap();
    let rules = (ValidationMode::Standard, Locale::En);
    let never = || -> BulkItem { panic!("not read") };
    let arg = |json: &str| {
        (
            Vec::new(),
            Snapshot {
                value: Some(serde_json::from_str(json).unwrap()),
                problems: Vec::new(),
            },
        )
    };
    let mut job = BulkJob::open();
    let item = || {
        BulkItem::Item(
            arg(r#""6650a1b2c3d4e5f601234567""#),
            arg(r#"{"name": "A"}"#),
        )
    };
    assert_eq!(pulled(&mut job, (&config, rules), Pull::Item, item), None);
    assert_eq!(job.progress().total, 1);
    assert!(job.is_open());
    assert_eq!(pulled(&mut job, (&config, rules), Pull::Done, never), None);
    assert!(!job.is_open());
    let mut job = BulkJob::open();
    assert_eq!(
        pulled(&mut job, (&config, rules), Pull::Threw, never),
        Some(Rejection::Threw)
    );
    assert!(!job.is_open());
    let mut full = BulkJob::open();
    for _ in 0..MAX_BULK_ITEMS {
        full.push((String::new(), Err(Error::new(ErrorKind::Validation, "x"))));
    }
    let Some(Rejection::TooMany(error)) = pulled(&mut full, (&config, rules), Pull::Item, never)
    else {
        panic!("one item past the cap rejects")
    };
    assert_eq!(error.errors[0].param, "items");
    assert!(!full.is_open());
}

/// Trial 24 F7: progress is reported whenever it changed, items refused
/// before sending included, and the last report has the final total, also
/// when the input ends after the last item finished (an all-invalid
/// iterable reported nothing before).
#[test]
fn trial24_f7_every_finished_item_is_reported_and_the_last_report_has_the_total() {
    use checkoutpage::bulk::Next;
    use checkoutpage::call::Patience;
    let patience = Patience::queued(1000, 0);
    let shown = |p: Progress| (p.done, p.complete.then_some(p.total), p.failed);
    // An iterable of three invalid items: one report per pull, then the total.
    let mut job = BulkJob::open();
    assert_eq!(job.report(), None, "nothing finished yet");
    let mut reports = Vec::new();
    for _ in 0..3 {
        assert!(matches!(job.next(false, patience), Next::Pull));
        job.push(prepare("", named("x")));
        reports.extend(job.report().map(shown));
    }
    assert!(matches!(job.next(false, patience), Next::Pull));
    job.close();
    assert!(matches!(job.next(false, patience), Next::Stop));
    reports.extend(job.report().map(shown));
    assert_eq!(
        reports,
        [(1, None, 1), (2, None, 2), (3, None, 3), (3, Some(3), 3)]
    );
    assert_eq!(job.report(), None, "nothing changed since");

    // [good, bad, bad, good]: every item's finish is reported.
    let mut job = BulkJob::open();
    let mut reports = Vec::new();
    job.push(prepare("a", named("A")));
    let Next::Item(first, _) = job.next(false, patience) else {
        panic!("item a")
    };
    reports.extend(job.report().map(shown));
    job.push(prepare("", named("x")));
    reports.extend(job.report().map(shown));
    job.push(prepare("", named("y")));
    reports.extend(job.report().map(shown));
    job.finish(first, Outcome::Updated(Value::Null));
    reports.extend(job.report().map(shown));
    job.push(prepare("d", named("D")));
    assert_eq!(job.report(), None, "a pushed item changes nothing reported");
    job.close();
    reports.extend(job.report().map(shown));
    let Next::Item(last, _) = job.next(false, patience) else {
        panic!("item d")
    };
    job.finish(last, Outcome::Updated(Value::Null));
    reports.extend(job.report().map(shown));
    assert_eq!(
        reports,
        [
            (1, None, 1),
            (2, None, 2),
            (3, None, 2),
            (3, Some(4), 2),
            (4, Some(4), 2)
        ]
    );

    // Items refused up front: one report for all of them.
    let mut job = BulkJob::new(vec![prepare("", named("x")), prepare("", named("y"))]);
    assert_eq!(job.report().map(shown), Some((2, Some(2), 2)));
    assert_eq!(job.report(), None);
}

/// Trial 24 F3: an abort during a pull ends the pull (nothing is taken);
/// the worker then stops, every item not started ends `aborted`, and the
/// input is closed.
#[test]
fn trial24_f3_an_aborted_pull_takes_nothing_and_the_job_stops() {
    use checkoutpage::args::BulkItem;
    use checkoutpage::bulk::{pulled, Next, Pull};
    use checkoutpage::call::Patience;
    use checkoutpage::messages::Locale;
    use checkoutpage::rules::ValidationMode;
    let config = ClientConfig::new(ClientOptionsInput::default()).unwrap();
    let rules = (ValidationMode::Standard, Locale::En);
    let patience = Patience::queued(1000, 0);
    let mut job = BulkJob::open();
    job.push(prepare("a", named("A")));
    let Next::Item(first, _) = job.next(false, patience) else {
        panic!("item a")
    };
    job.finish(first, Outcome::Updated(Value::Null));
    assert!(matches!(job.next(false, patience), Next::Pull));
    let never = || -> BulkItem { panic!("an aborted pull reads no item") };
    assert_eq!(
        pulled(&mut job, (&config, rules), Pull::Aborted, never),
        None
    );
    assert!(job.is_open(), "the abort, not the pull, closes the input");
    assert!(matches!(job.next(true, patience), Next::Stop));
    assert!(!job.is_open());
    let results = job.into_results();
    assert_eq!(results.len(), 1);
    assert!(matches!(results[0].1, Outcome::Updated(_)));
}
