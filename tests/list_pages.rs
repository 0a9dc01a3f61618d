//! Paging through the API imitation on a fake clock (issue 24): the call
//! machine drives every page as the WebAssembly driver does, through the
//! client's pacer. Property tests: forwards, every customer of any store
//! exactly once in the API's order, also while customers are added at the
//! head; backwards from the last page, the same pages.

#![cfg(not(target_arch = "wasm32"))]

mod timelines_support;

use checkoutpage::config::ClientOptionsInput;
use checkoutpage::endpoints::list_customers::{ListParams, Page};
use checkoutpage::value::Value;
use proptest::prelude::*;
use timelines_support::*;

fn ids(page: &Page) -> Vec<String> {
    page.data
        .iter()
        .map(|c| field(c, "id").expect("an id").to_owned())
        .collect()
}

/// The ids the imitation lists for `search`, newest first.
fn expected(world: &World, search: Option<&str>) -> Vec<String> {
    world
        .api
        .store()
        .newest_first()
        .into_iter()
        .filter(|c| search.map_or(true, |s| checkoutpage_imitation::list::matches(c, s)))
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

/// 2027-01-15, later than every seed customer's `createdAt`.
const LATER: f64 = 1_800_000_000_000.0;

/// A world with `n` more customers, some created in the same millisecond.
fn world_with(n: usize, names: &[&str]) -> World {
    let mut world = World::default();
    // After the seed customers (2024–2025): new customers come first.
    world.now = LATER;
    for i in 0..n {
        let name = names[i % names.len()];
        world.new_customer(&format!(
            r#"{{"email": "{name}{i}@example.com", "name": "{name} {i}"}}"#
        ));
        world.now += (i % 3) as f64; // Some share a millisecond.
    }
    world
}

/// Pages forwards; `add_at_head` customers are created after every page.
fn forwards(world: &mut World, params: &ListParams, add_at_head: usize) -> Vec<Page> {
    let client = world.default_client();
    let mut pages = vec![world.list_now(client, params)];
    while let Some(next) = pages.last().unwrap().next_params(params) {
        for _ in 0..add_at_head {
            world.now += 1.0;
            world.new_customer(r#"{"email": "late@example.com", "name": "Ada Late"}"#);
        }
        pages.push(world.list_now(client, &next));
        assert!(pages.len() < 1000, "paging never ends");
    }
    pages
}

#[test]
fn pages_are_fetched_at_the_clients_rate_limit() {
    let mut world = world_with(20, &["ada"]);
    let client = world.client(ClientOptionsInput {
        requests_per_minute: Some(60.0),
        ..Default::default()
    });
    let params = ListParams {
        limit: Some(1),
        ..Default::default()
    };
    let mut page = world.list_now(client, &params);
    let mut count = 1;
    while let Some(next) = page.next_params(&params) {
        page = world.list_now(client, &next);
        count += 1;
    }
    assert_eq!(count, 24, "20 customers and the 4 seed ones, 1 a page");
    let times: Vec<i64> = world.api.log().iter().map(|e| e.at).collect();
    assert_eq!(times.len(), 24);
    // 60 a minute after the pacer's burst: one a second.
    let burst = checkoutpage::pacer::MAX_BURST as usize;
    for pair in times[burst..].windows(2) {
        assert!(pair[1] - pair[0] >= 999, "60 a minute: {times:?}");
    }
    assert!(times[23] - times[0] >= (23 - burst as i64) * 1000 - 1);
}

#[test]
fn a_429_on_a_page_is_waited_out_and_retried() {
    let mut world = World::new(Some(2));
    let params = ListParams {
        limit: Some(1),
        ..Default::default()
    };
    let pages = forwards(&mut world, &params, 0);
    let all = expected(&world, None);
    let got: Vec<String> = pages.iter().flat_map(ids).collect();
    assert_eq!(got, all);
    assert!(world.api.log().iter().any(|e| e.status == Some(429)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn forwards_every_customer_once_in_api_order(
        n in 0usize..45,
        limit in 1u32..12,
        search in prop::option::of(prop::sample::select(vec!["ADA", "grace", "@example", "zz"])),
        add_at_head in 0usize..3,
    ) {
        let mut world = world_with(n, &["ada", "grace", "linus"]);
        let before = expected(&world, search);
        let params = ListParams {
            limit: Some(limit),
            search: search.map(str::to_owned),
            ..Default::default()
        };
        let pages = forwards(&mut world, &params, add_at_head);
        let got: Vec<String> = pages.iter().flat_map(ids).collect();
        prop_assert_eq!(&got, &before);
        for page in &pages {
            prop_assert!(page.data.len() <= limit as usize);
        }
        if add_at_head == 0 {
            prop_assert_eq!(pages[0].total as usize, before.len());
        }
    }

    #[test]
    fn backwards_paging_returns_the_same_pages(
        n in 1usize..45,
        limit in 1u32..12,
        search in prop::option::of(prop::sample::select(vec!["ada", "LINUS", "example"])),
    ) {
        let mut world = world_with(n, &["ada", "grace", "linus"]);
        let params = ListParams {
            limit: Some(limit),
            search: search.map(str::to_owned),
            ..Default::default()
        };
        let pages = forwards(&mut world, &params, 0);
        let client = world.default_client();
        let mut back = vec![pages.last().unwrap().clone()];
        let mut query = last_params(&pages, &params);
        while let Some(previous) = back.last().unwrap().previous_params(&query) {
            back.push(world.list_now(client, &previous));
            query = previous;
        }
        back.reverse();
        let forward_ids: Vec<Vec<String>> = pages.iter().map(ids).collect();
        let back_ids: Vec<Vec<String>> = back.iter().map(ids).collect();
        prop_assert_eq!(back_ids, forward_ids);
    }
}

/// The query that fetched the last of `pages`.
fn last_params(pages: &[Page], params: &ListParams) -> ListParams {
    match pages.len() {
        1 => params.clone(),
        n => pages[n - 2].next_params(params).expect("a next page"),
    }
}

#[test]
fn unknown_fields_survive_paging() {
    let mut world = World::default();
    world.now = LATER;
    world.new_customer(r#"{"email": "x@example.com", "loyalty": {"tier": 3}}"#);
    let client = world.default_client();
    let page = world.list_now(client, &ListParams::default());
    let Value::Object(first) = &page.data[0] else {
        panic!()
    };
    assert!(first.get("loyalty").is_some());
}
