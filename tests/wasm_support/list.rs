//! Issue 24 inside the module, against the live sandbox (Node, Chromium,
//! Firefox, WebKit): `listCustomers` finds freshly created customers by a
//! search, newest first, pages with `getNextPage`, and reads its parameters
//! when called: changing them afterwards, or a polluted `Object.prototype`,
//! changes nothing about what is sent.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::{assert_error, client, get, get_str, js, new_customer};

async fn settle(value: JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::from(value)).await
}

fn ids(page: &JsValue) -> Vec<String> {
    Array::from(&get(page, "data"))
        .iter()
        .map(|c| get_str(&c, "id").expect("an id"))
        .collect()
}

pub async fn list_customers_finds_pages_and_reads_params_at_call_time() {
    let token = format!("wasmlist{}", js_sys::Date::now() as u64);
    let mut made = Vec::new();
    for i in 0..3 {
        let fields = format!(r#"{{"email": "{token}{i}@example.com", "name": "List {i}"}}"#);
        made.push(new_customer(&fields).await);
    }
    made.reverse();
    let client = client();
    let params = js(&format!(
        r#"{{"search": "{}", "limit": 2}}"#,
        token.to_uppercase()
    ));
    let pending = client.list_customers(Some(params.clone()), None);
    // Changed after the call, polluted prototype: neither is what was passed.
    Reflect::set(&params, &"search".into(), &"nobody".into()).unwrap();
    let prototype: Object = Object::get_prototype_of(&Object::new().into());
    Reflect::set(&prototype, &"limit".into(), &JsValue::from(0)).unwrap();
    let first = settle(pending).await;
    Reflect::delete_property(&prototype, &"limit".into()).unwrap();
    let first = first.expect("the first page");
    assert_eq!(ids(&first), made[..2]);
    assert_eq!(get(&first, "total").as_f64(), Some(3.0));
    assert_eq!(get(&first, "hasMore").as_bool(), Some(true));
    let next: Function = get(&first, "getNextPage").into();
    let second = settle(next.call0(&first).unwrap())
        .await
        .expect("the next page");
    assert_eq!(ids(&second), made[2..]);
    assert_eq!(get(&second, "hasMore").as_bool(), Some(false));
    // Refused before sending.
    let refused = settle(client.list_customers(Some(js(r#"{"limit": 101}"#)), None)).await;
    assert_error(&refused.expect_err("refused"), "validation", None);
}
