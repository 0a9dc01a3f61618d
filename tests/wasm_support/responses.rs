//! Issue 22, points 3 and 4 inside the module: what a response may do to it.
//! A body over the cap (`response_guard::MAX_RESPONSE_BYTES`) is refused
//! before anything of it is copied into the module, so the module's memory
//! (which never shrinks) stays where one normal call left it; one leading BOM
//! is ignored, as the Fetch standard's UTF-8 decode does. Both through the
//! client's `fetch` option, so the bodies never cross a network.

use checkoutpage::{CheckoutPageClient, ClientOptions};
use js_sys::{Function, Reflect};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};

use super::{assert_error, get, get_str, js, update, KEY};

const ID: &str = "65f0c0ffee0000000000abcd";

/// A client whose `fetch` option is the JavaScript function `source`.
fn client_with_fetch(source: &str) -> CheckoutPageClient {
    let fetch = Function::new_no_args(&format!("return ({source});"))
        .call0(&JsValue::NULL)
        .expect("the fetch function evaluates");
    let options = js(&format!(
        r#"{{"apiKey": "{KEY}", "baseUrl": "https://api.checkoutpage.com",
            "dangerouslyAllowBrowser": true, "maxRetries": 3, "requestsPerMinute": 1000000}}"#
    ));
    Reflect::set(&options, &"fetch".into(), &fetch).expect("set fetch");
    CheckoutPageClient::new(Ts::<ClientOptions>::new_unchecked(options)).expect("constructs")
}

/// The module's linear memory, in bytes.
fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    get(&memory.buffer(), "byteLength")
        .as_f64()
        .expect("byteLength")
}

/// A fetch answering every call with a 64 MB customer (valid JSON: the old
/// client resolved it), streamed 1 MiB at a time; every other answer
/// declares its size in `Content-Length`. Counts calls in `globalThis.__calls`.
const HUGE_FETCH: &str = r#"(() => {
  const MB = 1024 * 1024;
  const size = 64 * MB;
  const head = new TextEncoder().encode('{"data":{"id":"65f0c0ffee0000000000abcd","name":"');
  const tail = new TextEncoder().encode('"}}');
  const filler = new Uint8Array(MB).fill(0x78);
  globalThis.__calls = 0;
  return async (url, init) => {
    globalThis.__calls += 1;
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (sent === 0) { controller.enqueue(head); sent += head.byteLength; return; }
        const left = size - sent - tail.byteLength;
        if (left <= 0) { controller.enqueue(tail); controller.close(); sent = size; return; }
        const chunk = left >= MB ? filler : filler.subarray(0, left);
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });
    const headers = new Headers({ "content-type": "application/json" });
    if (globalThis.__calls % 2 === 0) headers.set("content-length", String(size));
    return { status: 200, headers, body, text: () => new Response(body).text() };
  };
})()"#;

/// 4. A hundred 64 MB responses, half with `Content-Length` and half
///    without: each call fails with `invalid_response` naming the cap, is
///    not retried, and the module's memory stays where it was after one
///    normal call (both printed).
pub async fn huge_responses_leave_the_module_memory_where_it_was() {
    let normal = client_with_fetch(
        r#"async (url, init) => new Response(JSON.stringify({ data: { id: "65f0c0ffee0000000000abcd", email: "ada@example.com", name: "Ada" } }),
             { status: 200, headers: { "content-type": "application/json" } })"#,
    );
    let customer = update(&normal, ID, js(r#"{"name": "Ada"}"#), None)
        .await
        .expect("a normal call resolves");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Ada"));
    let after_one_call = memory_bytes();

    let huge = client_with_fetch(HUGE_FETCH);
    for call in 1..=100 {
        let Err(error) = update(&huge, ID, js(r#"{"name": "Ada"}"#), None).await else {
            panic!("call {call}: a 64 MB response resolved");
        };
        assert_error(&error, "invalid_response", Some(200));
        let message = get_str(&error, "message").unwrap_or_default();
        assert!(message.contains("8388608 bytes"), "{message}");
        let calls = get(&js_sys::global(), "__calls").as_f64();
        assert_eq!(calls, Some(f64::from(call)), "not retried");
    }
    let after_huge = memory_bytes();
    wasm_bindgen_test::console_log!(
        "module memory: {after_one_call} bytes after one normal call, {after_huge} bytes after \
         100 responses of 64 MB"
    );
    assert_eq!(after_huge, after_one_call, "the module's memory grew");
}

/// 3. A custom `fetch` whose `text()` keeps a leading BOM (an adapter over a
///    Node `Buffer`, axios or got): a 200 is the customer, a 400 keeps its
///    field errors.
pub async fn a_leading_bom_is_ignored() {
    let client = client_with_fetch(
        r#"async (url, init) => {
          const ok = init.method === "PATCH" && JSON.parse(init.body).name === "Ada";
          const body = ok
            ? { data: { id: "65f0c0ffee0000000000abcd", email: "ada@example.com", name: "Ada" } }
            : { status: 400, type: "invalid_request_error", message: "Invalid request",
                errors: [{ param: "email", message: "Invalid email", value: "x" }] };
          return { status: ok ? 200 : 400, headers: new Headers({ "content-type": "application/json" }),
                   text: async () => "\uFEFF" + JSON.stringify(body) };
        }"#,
    );
    let customer = update(&client, ID, js(r#"{"name": "Ada"}"#), None)
        .await
        .expect("a 200 with a BOM resolves");
    assert_eq!(get_str(&customer, "name").as_deref(), Some("Ada"));
    let error = update(&client, ID, js(r#"{"name": "Bo"}"#), None)
        .await
        .expect_err("a 400 rejects");
    assert_error(&error, "bad_request", Some(400));
    let errors = js_sys::Array::from(&get(&error, "errors"));
    assert_eq!(errors.length(), 1, "the field errors are kept");
    assert_eq!(get_str(&errors.get(0), "param").as_deref(), Some("email"));
    // Only one: a second BOM is content, as in the Fetch standard.
    let twice = client_with_fetch(
        r#"async () => ({ status: 200, headers: new Headers(),
            text: async () => "\uFEFF\uFEFF{\"data\":{\"id\":\"65f0c0ffee0000000000abcd\",\"email\":\"ada@example.com\"}}" })"#,
    );
    let error = update(&twice, ID, js(r#"{"name": "Ada"}"#), None)
        .await
        .expect_err("two BOMs are not JSON");
    assert_error(&error, "invalid_response", Some(200));
}
