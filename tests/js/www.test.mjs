// The demo dashboard (www/, built into www/dist by scripts/build-www.sh)
// driven in headless Chromium. It is served by a sandbox of its own
// (`--static-dir www/dist`), so the page and the `/proxy` API route are
// same-origin, exactly as in `scripts/demo.sh`.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { launch } from "./chromium.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIST = `${ROOT}www/dist`;
/** The top-level string fields, as the field table generates them for the dashboard. */
const STRING_FIELDS = JSON.parse(
  readFileSync(`${ROOT}www/src/customer-fields.ts`, "utf8").match(/^export const STRING_FIELDS = (\[.*\]) as const;$/m)[1],
);
const BIN = process.env.SANDBOX_BIN ?? `${ROOT}target/debug/checkoutpage-sandbox`;
const ARTIFACTS = `${ROOT}tests/artifacts`;
const KEY = "sk_test_sandbox";

const ADDRESS = {
  line1: "1 Rue Pierre et Marie Curie",
  line2: "Bâtiment B",
  city: "Paris",
  state: "Île-de-France",
  postalCode: "75005",
  country: "FR",
};
const INITIAL = {
  name: "Marie Curie",
  companyName: "Institut du Radium",
  email: "marie@example.com",
  phone: "+33 1 23 45 67 89",
  address: ADDRESS,
};

let sandbox, url, browser;

/** Starts target/debug/checkoutpage-sandbox on a free port serving www/dist. */
async function startSandbox() {
  const child = spawn(BIN, ["--host", "127.0.0.1", "--port", "0", "--static-dir", DIST], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const listening = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the sandbox did not start within 10 s")), 10_000);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}`)));
    lines.on("line", (line) => {
      const match = /^sandbox listening on (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  child.removeAllListeners("exit");
  return { child, url: listening };
}

before(async () => {
  assert.ok(existsSync(`${DIST}/index.html`), "www/dist is missing: run `bash scripts/build-www.sh` first");
  assert.ok(existsSync(BIN), `${BIN} is missing: run \`cargo build -p checkoutpage-sandbox\` first`);
  ({ child: sandbox, url } = await startSandbox());
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (sandbox && sandbox.exitCode === null) {
    const exited = new Promise((resolve) => sandbox.once("exit", resolve));
    sandbox.kill("SIGTERM");
    await exited;
  }
});

async function createCustomer(fields) {
  const response = await fetch(`${url}/__sandbox/customers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fields),
  });
  assert.equal(response.status, 201);
  return (await response.json()).data;
}

async function stored(id) {
  const response = await fetch(`${url}/v1/customers/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  assert.equal(response.status, 200);
  return (await response.json()).data;
}

async function requestsFor(id) {
  const response = await fetch(`${url}/__sandbox/requests?customerId=${encodeURIComponent(id)}`);
  return (await response.json()).data.filter((r) => r.method !== "OPTIONS");
}

async function queueFaults(customerId, faults) {
  const response = await fetch(`${url}/__sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ customerId, faults }),
  });
  assert.equal(response.status, 200);
}

/** Opens the dashboard on customer `id` and waits for the form to show it. */
async function openDashboard(id, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(`${url}/?id=${encodeURIComponent(id)}`);
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "idle");
  return { page, problems };
}

/** Fails fast, naming it, when the package lacks the patch helpers the page uses. */
async function assertPatchHelpers(page) {
  const banner = await page.locator("#form-errors").textContent();
  assert.doesNotMatch(banner, /does not export/);
}

const text = (page, selector) => page.locator(selector).innerText();
const statusState = (page) => page.locator("#status").getAttribute("data-state");

async function previewPatch(page) {
  const body = await text(page, "#patch-preview");
  return JSON.parse(body);
}

test("the dashboard loads, validates, previews and saves a customer", async () => {
  const { id } = await createCustomer(INITIAL);
  const { page, problems } = await openDashboard(id);

  // Loaded through the same-origin proxy into every field.
  assert.equal(await page.inputValue("#f-name"), "Marie Curie");
  assert.equal(await page.inputValue("#f-email"), "marie@example.com");
  assert.equal(await page.inputValue("#f-address-city"), "Paris");
  assert.equal(await page.inputValue("#f-address-country"), "FR");
  assert.equal(await page.inputValue("#f-shipping-name"), "");
  assert.equal((await text(page, "#patch-preview")).trim(), "No changes");
  assert.ok(await page.locator("#save-button").isDisabled());

  // Every form control has a label.
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")].map((el) => ({
      id: el.id,
      labels: el.labels?.length ?? 0,
    })),
  );
  assert.ok(controls.length >= 21, `expected every editable field, found ${controls.length} controls`);
  assert.deepEqual(controls.filter((c) => c.labels === 0), []);
  for (const param of ["name", "companyName", "email", "phone", "billingEmail", "taxId", "taxIdType"]) {
    assert.ok(STRING_FIELDS.includes(param), `${param} is a string field of the table`);
  }
  for (const param of STRING_FIELDS) {
    assert.ok(controls.some((c) => c.id === `f-${param}`), `no input for ${param}`);
  }

  // An error (a control character, which cannot be stored as typed): shown
  // next to its field, aria-invalid, Save is off.
  await assertPatchHelpers(page);
  await page.fill("#f-name", "Marie\u0007Curie");
  await page.waitForFunction(() => document.querySelector("#err-name")?.textContent.trim() !== "");
  assert.equal(await page.getAttribute("#f-name", "aria-invalid"), "true");
  assert.ok(await page.locator("#save-button").isDisabled());
  await page.fill("#f-name", "Marie Curie");
  await page.waitForFunction(() => document.querySelector("#err-name")?.textContent.trim() === "");

  // A warning (an unusual email): a hint next to the email field, not
  // aria-invalid, and Save stays on: only the server can say for sure.
  await page.fill("#f-email", "not-an-email");
  await page.waitForFunction(() => document.querySelector("#err-email")?.textContent.trim() !== "");
  assert.ok(
    await page.evaluate(() => {
      const input = document.querySelector("#f-email");
      const hint = document.querySelector("#err-email");
      return (
        input.closest(".field").contains(hint) &&
        hint.classList.contains("is-warning") &&
        input.closest(".field").classList.contains("has-warning") &&
        input.getAttribute("aria-invalid") === "false"
      );
    }),
    "the email warning is a hint with the email field",
  );
  assert.ok(await page.locator("#save-button").isEnabled(), "a warning never disables Save");

  // Fixed: the hint goes away.
  await page.fill("#f-email", "marie.curie@example.com");
  await page.waitForFunction(() => document.querySelector("#err-email")?.textContent.trim() === "");
  assert.equal(await page.getAttribute("#f-email", "aria-invalid"), "false");

  // One address line changed: the preview carries the whole address.
  await page.fill("#f-address-city", "Warsaw");
  await page.waitForFunction(() => document.querySelector("#patch-preview").textContent.includes("Warsaw"));
  const patch = await previewPatch(page);
  assert.deepEqual(patch, { email: "marie.curie@example.com", address: { ...ADDRESS, city: "Warsaw" } });
  assert.ok(await page.locator("#save-button").isEnabled());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/www-desktop.png`, fullPage: true });

  // Save: the form shows the customer the server returned.
  await page.click("#save-button");
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "success");
  assert.match(await text(page, "#status"), /Saved/);
  assert.equal(await page.inputValue("#f-email"), "marie.curie@example.com");
  assert.equal(await page.inputValue("#f-address-city"), "Warsaw");
  assert.equal(await page.inputValue("#f-address-line2"), "Bâtiment B");
  assert.equal((await text(page, "#patch-preview")).trim(), "No changes");
  assert.ok(await page.locator("#save-button").isDisabled());

  // The sandbox really stored it.
  const customer = await stored(id);
  assert.equal(customer.email, "marie.curie@example.com");
  assert.deepEqual(customer.address, { ...ADDRESS, city: "Warsaw" });
  assert.equal(customer.name, "Marie Curie");

  // Keyless: the browser sent the patch to /proxy with no Authorization header.
  const patches = (await requestsFor(id)).filter((r) => r.method === "PATCH");
  assert.equal(patches.length, 1);
  assert.match(patches[0].path, /^\/proxy\/v1\/customers\//);
  assert.equal(patches[0].headers.authorization, undefined);
  assert.deepEqual(JSON.parse(patches[0].body), patch);

  assert.deepEqual(problems, []);
  await page.close();
});

test("the dashboard shows saving, rate-limit, network and server-error states", async () => {
  const { id } = await createCustomer(INITIAL);
  const { page } = await openDashboard(id);
  await assertPatchHelpers(page);
  const edit = async (value) => {
    await page.fill("#f-name", value);
    await page.waitForFunction(() => !document.querySelector("#save-button").disabled);
  };

  // A slow server: "Saving…" while the request is in flight.
  await queueFaults(id, [{ delayMs: 1500 }]);
  await edit("Marie S. Curie");
  await page.click("#save-button");
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "saving");
  assert.match(await text(page, "#status"), /Saving/);
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "success");

  // 429s past the SDK's own retries: "Rate limited — retrying", then saved.
  await queueFaults(id, [1, 2, 3].map(() => ({ status: 429, retryAfter: "0.2" })));
  await edit("Marie Skłodowska-Curie");
  await page.click("#save-button");
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "rate-limited");
  assert.match(await text(page, "#status"), /Rate limited — retrying/);
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "success", null, { timeout: 15_000 });
  assert.equal((await stored(id)).name, "Marie Skłodowska-Curie");

  // The connection dropped on every attempt: a network error. (Chromium may
  // itself resend a request whose reused connection closed without a reply,
  // so more drops are queued than the SDK makes attempts; the rest are cleared.)
  await queueFaults(id, Array.from({ length: 6 }, () => ({ drop: true })));
  await edit("Dropped");
  await page.click("#save-button");
  await page.waitForFunction(() => ["offline", "success"].includes(document.querySelector("#status")?.dataset.state), null, { timeout: 15_000 });
  assert.match(await text(page, "#status"), /Offline \/ network error/);
  await fetch(`${url}/__sandbox/faults?customerId=${id}`, { method: "DELETE" });

  // A server error on every attempt.
  await queueFaults(id, [1, 2, 3].map(() => ({ status: 500 })));
  await page.click("#save-button");
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "error", null, { timeout: 15_000 });
  assert.match(await text(page, "#status"), /Server error 500/);
  // Nothing was lost: the edit is still there, ready to save again.
  assert.equal(await page.inputValue("#f-name"), "Dropped");
  assert.ok(await page.locator("#save-button").isEnabled());
  assert.equal((await stored(id)).name, "Marie Skłodowska-Curie");
  await page.close();
});

test("the dashboard loads the customer with the SDK's getCustomer (retried, typed errors)", async () => {
  // Issue 14: the page used to hand-write a fetch to load the customer, so a
  // transient 503 on load was an error page. Through getCustomer it is retried.
  const { id } = await createCustomer(INITIAL);
  await queueFaults(id, [{ status: 503 }]);
  const { page, problems } = await openDashboard(id);
  assert.equal(await page.inputValue("#f-name"), "Marie Curie");
  const gets = (await requestsFor(id)).filter((r) => r.method === "GET");
  assert.equal(gets.length, 2, "the 503 was retried by the SDK");
  assert.match(gets[1].path, /^\/proxy\/v1\/customers\//);
  // Chromium logs the 503 itself; nothing else went wrong on the page.
  assert.deepEqual(problems.filter((p) => !/Failed to load resource.*503/.test(p)), []);
  await page.close();

  // An unknown id: the SDK's typed not_found error.
  const missing = await browser.newPage();
  await missing.goto(`${url}/?id=0000000000000000000000ff`);
  await missing.waitForFunction(() => document.querySelector("#status")?.dataset.state === "error");
  assert.match(await text(missing, "#status"), /Customer not found/);
  await missing.close();
});

test("the dashboard lays out at phone width", async () => {
  const { id } = await createCustomer(INITIAL);
  const { page, problems } = await openDashboard(id, { width: 375, height: 800 });
  // Nothing overflows sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  // Single column: the city and the state sit one above the other.
  const city = await page.locator("#f-address-city").boundingBox();
  const state = await page.locator("#f-address-state").boundingBox();
  assert.ok(state.y > city.y + city.height, "address fields stack in one column");

  await assertPatchHelpers(page);

  await page.fill("#f-email", "not-an-email");
  await page.waitForFunction(() => document.querySelector("#err-email")?.textContent.trim() !== "");
  // What the phone shows (the save bar is fixed to the bottom), and the whole page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/www-phone.png` });
  await page.screenshot({ path: `${ARTIFACTS}/www-phone-full.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("?fake: the dashboard runs against the package's test kit, with no server for the API", async () => {
  // Only static files: no sandbox, no /proxy route. The kit answers in-process.
  const { serve } = await import("./static-server.mjs");
  const server = await serve({ "/": `${DIST}/` });
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  try {
    const GRACE = "6650a1b2c3d4e5f601234568"; // a seed customer of the kit (and the sandbox)
    await page.goto(`${server.url}/index.html?fake&id=${GRACE}`);
    await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "idle");
    assert.equal(await page.inputValue("#f-email"), "grace@example.com");
    // A save, and a 429 the SDK retries through (Retry-After: 0).
    await page.evaluate((id) => window.fakeApi.fail(id, { kind: "rateLimit", retryAfter: 0 }), GRACE);
    await page.fill("#f-name", "Grace Hopper");
    await page.waitForFunction(() => !document.querySelector("#save-button").disabled);
    await page.click("#save-button");
    await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "success");
    const log = await page.evaluate(() => window.fakeApi.requests.map((r) => [r.method, r.path, r.status, r.headers.authorization ?? null]));
    // The save loads the customer as stored (retried through the 429), then patches it.
    assert.deepEqual(log.slice(-3), [
      ["GET", `/proxy/v1/customers/${GRACE}`, 429, null],
      ["GET", `/proxy/v1/customers/${GRACE}`, 200, null],
      ["PATCH", `/proxy/v1/customers/${GRACE}`, 200, null],
    ]);
    assert.equal(await page.evaluate((id) => window.fakeApi.customers.get(id).name, GRACE), "Grace Hopper");
    // Someone else changes this customer between load and save (the kit's
    // customers.update): both edits are kept.
    await page.evaluate((id) => window.fakeApi.customers.update(id, { companyName: "US Navy" }), GRACE);
    await page.fill("#f-phone", "+1 202 555 0100");
    await page.waitForFunction(() => !document.querySelector("#save-button").disabled);
    await page.click("#save-button");
    await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "success");
    const grace = await page.evaluate((id) => window.fakeApi.customers.get(id), GRACE);
    assert.equal(grace.companyName, "US Navy");
    assert.equal(grace.phone, "+1 202 555 0100");
    assert.equal(await page.inputValue("#f-companyName"), "US Navy");
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((p) => p.includes("/v1/")), [], "no API request left the page");
  } finally {
    await page.close();
    server.close();
  }
});

test("the dashboard finds customers: debounced search that cancels, pages, a row loads the editor, URL, accessible", async () => {
  // 11 customers only this test's search finds (the sandbox is shared by the tests).
  const token = `Finder${Date.now().toString(36)}`;
  const made = [];
  for (let i = 0; i < 11; i++) made.push(await createCustomer({ name: `${token} ${i}`, email: `${token.toLowerCase()}${i}@example.com` }));
  const newestFirst = made.map((c) => c.id).reverse();
  const { page, problems } = await openDashboard(made[0].id);
  const listRequests = [];
  const aborted = [];
  page.on("request", (r) => /\/proxy\/v1\/customers\/\?/.test(r.url()) && listRequests.push(r.url()));
  page.on("requestfailed", (r) => /\/proxy\/v1\/customers\/\?/.test(r.url()) && aborted.push(r.url()));

  // Labelled search box, reachable by its label.
  const box = page.getByLabel("Search by name or email");
  await box.focus();
  // Typing fast sends one request (debounced).
  listRequests.length = 0;
  await box.pressSequentially(token.slice(0, 6), { delay: 20 });
  await page.waitForFunction(() => /customers matching/.test(document.querySelector("#results-count").textContent));
  assert.equal(listRequests.length, 1, `debounced: ${listRequests}`);
  // A new search cancels the one in flight with its signal.
  await queueFaults("*", [{ delayMs: 2000 }]);
  await box.fill("slow-search");
  await page.waitForTimeout(400); // debounced, sent, held by the sandbox
  await box.fill(token);
  await page.waitForFunction((t) => document.querySelector("#results-count").textContent.includes(`of 11 customers matching “${t}”`), token);
  assert.equal(aborted.length, 1, "the slow search was aborted");
  assert.match(aborted[0], /search=slow-search/);
  assert.equal(new URL(page.url()).searchParams.get("q"), token, "the URL keeps the search");

  // The list: 8 a page, newest first; the count is announced.
  const rowIds = () => page.$$eval("#customer-results .result", (rows) => rows.map((r) => r.dataset.id));
  assert.deepEqual(await rowIds(), newestFirst.slice(0, 8));
  assert.equal(await page.getAttribute("#results-count", "aria-live"), "polite");
  assert.match(await text(page, "#results-count"), /Showing 1–8 of 11 customers/);
  assert.equal(await page.isDisabled("#previous-page"), true);
  // Next page: the rest, focus on its first row.
  await page.click("#next-page");
  await page.waitForFunction(() => /Showing 9–11 of 11/.test(document.querySelector("#results-count").textContent));
  assert.deepEqual(await rowIds(), newestFirst.slice(8));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), newestFirst[8]);
  assert.equal(await page.isDisabled("#next-page"), true);
  await page.click("#previous-page");
  await page.waitForFunction(() => /Showing 1–8 of 11/.test(document.querySelector("#results-count").textContent));
  assert.deepEqual(await rowIds(), newestFirst.slice(0, 8));

  // Choosing a row (with the keyboard) loads it into the editor; the URL keeps it.
  const chosen = made.find((c) => c.id === newestFirst[2]);
  await page.focus(`.result[data-id="${chosen.id}"]`);
  await page.keyboard.press("Enter");
  await page.waitForFunction((email) => document.querySelector("#f-email")?.value === email && document.querySelector("#status")?.dataset.state === "idle", chosen.email);
  assert.equal(new URL(page.url()).searchParams.get("id"), chosen.id);
  assert.equal(await page.getAttribute(`.result[data-id="${chosen.id}"]`, "aria-current"), "true");
  await page.screenshot({ path: `${ARTIFACTS}/www-finder.png`, fullPage: true });

  // axe-core over the whole page: no violations.
  await page.addScriptTag({ path: `${ROOT}node_modules/axe-core/axe.min.js` });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`));
  assert.deepEqual(violations, []);

  // Reloading keeps the selection and the search.
  await page.reload();
  await page.waitForFunction((email) => document.querySelector("#f-email")?.value === email, chosen.email);
  await page.waitForFunction(() => document.querySelectorAll("#customer-results .result").length > 0);
  assert.equal(await page.inputValue("#customer-search"), token);
  assert.equal(await page.getAttribute(`.result[data-id="${chosen.id}"]`, "aria-current"), "true");
  assert.deepEqual(problems.filter((p) => !/ERR_ABORTED|aborted/i.test(p)), []);
  await page.close();
});

test("issue 25: an emptied email is an error at the field, Save stays off until it is fixed or discarded", async () => {
  const { id } = await createCustomer(INITIAL);
  const { page, problems } = await openDashboard(id);
  await page.fill("#f-email", "   ");
  await page.waitForFunction(() => document.querySelector("#err-email")?.textContent.trim() !== "");
  assert.match(await text(page, "#err-email"), /^Email cannot be emptied/);
  assert.equal(await page.getAttribute("#f-email", "aria-invalid"), "true");
  assert.ok(await page.locator("#save-button").isDisabled(), "Save is off");
  assert.ok(await page.locator("#discard-button").isEnabled(), "Discard is on");
  assert.equal(await statusState(page), "invalid");
  // Enter (submitting the form) does not save either.
  await page.press("#f-email", "Enter");
  await page.waitForTimeout(300);
  assert.deepEqual((await requestsFor(id)).filter((r) => r.method === "PATCH"), []);
  // Discarding brings the stored email back, and the error goes.
  await page.click("#discard-button");
  await page.waitForFunction(() => document.querySelector("#err-email")?.textContent.trim() === "");
  assert.equal(await page.inputValue("#f-email"), "marie@example.com");
  assert.equal(await page.getAttribute("#f-email", "aria-invalid"), "false");
  assert.deepEqual(problems, []);
  await page.close();
});

test("issue 25: the dashboard speaks the browser's language", async () => {
  const { id } = await createCustomer(INITIAL);
  const page = await browser.newPage({ locale: "de-DE" });
  await page.goto(`${url}/?id=${encodeURIComponent(id)}`);
  await page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "idle");
  assert.equal(await page.evaluate(() => navigator.language), "de-DE");
  await page.fill("#f-email", "");
  await page.waitForFunction(() => document.querySelector("#err-email")?.textContent.trim() !== "");
  assert.equal(await text(page, "#err-email"), "Eine E-Mail-Adresse ist erforderlich: sie kann nicht gelöscht werden");
  await page.fill("#f-email", "marie@example.com");
  await page.fill("#f-address-postalCode", "123");
  await page.waitForFunction(() => document.querySelector("#err-address-postalCode")?.textContent.trim() !== "");
  // The country is named in every language (issue 25 trial F9).
  assert.match(await text(page, "#err-address-postalCode"), /^Keine übliche Postleitzahl für [A-Z]{2} \(z\. B\. 33380\)$/);
  await page.close();
});

/** Types `value` into `param`'s input and waits until Save is on. */
async function edit(page, param, value) {
  await page.fill(`#f-${param.replace(/\./g, "-")}`, value);
  await page.waitForFunction(() => !document.querySelector("#save-button").disabled);
}

async function saveAndWait(page, state = "success") {
  await page.click("#save-button");
  await page.waitForFunction((s) => document.querySelector("#status")?.dataset.state === s, state, { timeout: 15_000 });
}

test("two tabs on one customer: disjoint edits are both kept; the same field shows both values and a choice", async () => {
  // Issue 26. Before saveCustomer, the second tab's save sent the whole
  // address as it had loaded it, putting line2 back.
  const { id } = await createCustomer(INITIAL);
  const one = await openDashboard(id);
  const two = await openDashboard(id);

  await edit(one.page, "address.line2", "Bâtiment C");
  await saveAndWait(one.page);
  await edit(two.page, "address.city", "Lyon");
  await saveAndWait(two.page);
  assert.deepEqual((await stored(id)).address, { ...ADDRESS, line2: "Bâtiment C", city: "Lyon" });
  // The second tab now shows both, and says whose change it kept.
  assert.equal(await two.page.inputValue("#f-address-line2"), "Bâtiment C");
  assert.match(await text(two.page, "#status"), /Kept someone else's change to address\.line2/);
  const patches = (await requestsFor(id)).filter((r) => r.method === "PATCH");
  assert.deepEqual(JSON.parse(patches.at(-1).body), { address: { ...ADDRESS, line2: "Bâtiment C", city: "Lyon" } });

  // The same field in both tabs (tab one's view is now behind tab two's save).
  await edit(one.page, "name", "Marie Skłodowska");
  await edit(one.page, "phone", "+33 1 00 00 00 00");
  await edit(two.page, "name", "Maria Salomea");
  await saveAndWait(two.page);
  await saveAndWait(one.page, "error");
  const panel = one.page.locator("#conflicts");
  assert.ok(await panel.isVisible(), "the conflict panel is shown");
  assert.match(await text(one.page, "#status"), /Conflicting changes/);
  // Both values, and what it was when loaded, with a choice per field.
  const row = one.page.locator('[data-conflict="name"]');
  assert.match(await row.innerText(), /Maria Salomea/);
  assert.match(await row.innerText(), /Marie Skłodowska/);
  assert.match(await row.innerText(), /When you loaded it: Marie Curie/);
  assert.equal(await one.page.locator('[data-conflict]').count(), 1, "only the field both changed");
  assert.ok(await row.locator('input[data-side="mine"]').isChecked(), "mine is preselected");
  assert.ok(await one.page.locator("#f-name").evaluate((el) => el.closest(".field").classList.contains("has-conflict")));
  await one.page.screenshot({ path: `${ARTIFACTS}/www-conflict.png`, fullPage: true });
  // Nothing was sent by the refused save.
  assert.equal((await stored(id)).name, "Maria Salomea");

  // Keep theirs for the name: my phone is still saved, their name stays.
  await row.locator('input[data-side="theirs"]').check();
  await one.page.click("#conflict-apply");
  await one.page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "success", null, { timeout: 15_000 });
  assert.ok(await panel.isHidden());
  let customer = await stored(id);
  assert.equal(customer.name, "Maria Salomea");
  assert.equal(customer.phone, "+33 1 00 00 00 00");
  assert.equal(await one.page.inputValue("#f-name"), "Maria Salomea");

  // Again, keeping mine this time.
  await edit(two.page, "companyName", "Sorbonne");
  await saveAndWait(two.page);
  await edit(one.page, "companyName", "Institut Curie");
  await saveAndWait(one.page, "error");
  await one.page.click("#conflict-apply");
  await one.page.waitForFunction(() => document.querySelector("#status")?.dataset.state === "success", null, { timeout: 15_000 });
  customer = await stored(id);
  assert.equal(customer.companyName, "Institut Curie");
  assert.equal(customer.name, "Maria Salomea");
  assert.deepEqual(customer.address, { ...ADDRESS, line2: "Bâtiment C", city: "Lyon" });

  assert.deepEqual(one.problems, []);
  assert.deepEqual(two.problems, []);
  await one.page.close();
  await two.page.close();
});

test("the finder with issues 25 and 26: choosing a customer while a conflict is shown, while the email is emptied, while a save is in flight", async () => {
  const token = `Merged${Date.now().toString(36)}`;
  const a = await createCustomer({ ...INITIAL, name: `${token} A`, email: `${token.toLowerCase()}.a@example.com` });
  const b = await createCustomer({ name: `${token} B`, email: `${token.toLowerCase()}.b@example.com` });
  // Tab one speaks German (issue 25); tab two saves behind its back (issue 26).
  const one = await browser.newPage({ locale: "de-DE", viewport: { width: 1280, height: 800 } });
  const problems = [];
  one.on("pageerror", (error) => problems.push(String(error)));
  await one.goto(`${url}/?id=${encodeURIComponent(a.id)}&q=${token}`);
  await one.waitForFunction(() => document.querySelector("#status")?.dataset.state === "idle");
  await one.waitForFunction(() => document.querySelectorAll("#customer-results .result").length === 2);
  const two = await openDashboard(a.id);
  // What confirm("Discard unsaved changes?") answers next.
  let answer = false;
  const dialogs = [];
  one.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void (answer ? dialog.accept() : dialog.dismiss());
  });
  const row = (id) => one.locator(`.result[data-id="${id}"]`);
  const idInUrl = async () => new URL(one.url()).searchParams.get("id");
  const showing = (customer) =>
    one.waitForFunction(
      (email) => document.querySelector("#f-email")?.value === email && document.querySelector("#status")?.dataset.state === "idle",
      customer.email,
    );

  // 1. A conflict is shown; choosing another row asks first, and keeps it all when refused.
  await edit(two.page, "name", "Maria Salomea");
  await saveAndWait(two.page);
  await edit(one, "name", "Marie Skłodowska");
  await saveAndWait(one, "error");
  assert.ok(await one.locator("#conflicts").isVisible(), "the conflict panel is shown");
  await row(b.id).click();
  assert.deepEqual(dialogs.splice(0), ["Discard unsaved changes?"]);
  assert.ok(await one.locator("#conflicts").isVisible(), "refused: the conflict stays");
  assert.equal(await one.inputValue("#f-name"), "Marie Skłodowska");
  assert.equal(await idInUrl(), a.id);
  // Accepted: the chosen customer, with no conflict left over from the other.
  answer = true;
  await row(b.id).click();
  await showing(b);
  assert.equal(dialogs.splice(0).length, 1);
  assert.ok(await one.locator("#conflicts").isHidden(), "no conflict panel for the other customer");
  assert.equal(await one.locator(".has-conflict").count(), 0);
  assert.equal(await idInUrl(), b.id);
  assert.equal(await row(b.id).getAttribute("aria-current"), "true");
  assert.equal(await row(a.id).getAttribute("aria-current"), "false");
  // Back: the first customer as stored (tab two's name), still no conflict.
  await one.goBack();
  await showing(a);
  assert.equal(await one.inputValue("#f-name"), "Maria Salomea");
  assert.ok(await one.locator("#conflicts").isHidden());

  // 2. An emptied email (issue 25, in German): refused, it stays with its error; accepted, the next one has none.
  answer = false;
  await one.fill("#f-email", "");
  await one.waitForFunction(() => document.querySelector("#err-email")?.textContent.trim() !== "");
  assert.equal(await text(one, "#err-email"), "Eine E-Mail-Adresse ist erforderlich: sie kann nicht gelöscht werden");
  await row(b.id).click();
  assert.deepEqual(dialogs.splice(0), ["Discard unsaved changes?"]);
  assert.equal(await one.inputValue("#f-email"), "");
  assert.equal(await one.getAttribute("#f-email", "aria-invalid"), "true");
  answer = true;
  await row(b.id).click();
  await showing(b);
  assert.equal(dialogs.splice(0).length, 1);
  assert.equal(await text(one, "#err-email"), "");
  assert.equal(await one.getAttribute("#f-email", "aria-invalid"), "false");
  assert.ok(await one.locator("#save-button").isDisabled());
  assert.equal((await stored(a.id)).email, a.email, "nothing was sent for the emptied email");

  // 3. A save in flight when another customer is chosen: not "discarded" (no
  // question asked), it completes on the server, its outcome is announced and
  // its row updated, and the customer now shown stays as loaded and editable.
  const patched = async (id, status) => (await requestsFor(id)).some((r) => r.method === "PATCH" && r.status === status);
  const until = async (what, check) => {
    for (let waited = 0; !(await check()); waited += 100) {
      assert.ok(waited < 15_000, `${what} within 15 s`);
      await one.waitForTimeout(100);
    }
  };
  await edit(one, "name", `${token} B renamed`);
  await queueFaults(b.id, [{ delayMs: 1500 }]);
  await one.click("#save-button");
  await one.waitForFunction(() => document.querySelector("#status")?.dataset.state === "saving");
  await row(a.id).click();
  await showing(a);
  assert.deepEqual(dialogs.splice(0), [], "edits being saved are not discarded");
  await until("the save's PATCH", () => patched(b.id, 200));
  await one.waitForFunction(() => /^Saved /.test(document.querySelector("#toast")?.textContent ?? ""));
  assert.equal(await text(one, "#toast"), `Saved ${token} B renamed`);
  assert.equal(await one.getAttribute("#toast", "data-kind"), "success");
  assert.equal(await row(b.id).locator(".result-name").innerText(), `${token} B renamed`, "its row shows the saved name");
  assert.equal((await stored(b.id)).name, `${token} B renamed`);
  assert.equal(await one.inputValue("#f-email"), a.email, "the form still shows the chosen customer");
  assert.equal(await one.inputValue("#f-name"), "Maria Salomea");
  assert.equal(await one.locator("#f-name").evaluate((input) => input.readOnly), false, "editable");
  assert.equal(await statusState(one), "idle");
  assert.equal(await text(one, "#customer-title"), "Maria Salomea");
  assert.equal(await idInUrl(), a.id);

  // 4. The same save failing after another customer was chosen is said, not dropped.
  await edit(one, "phone", "+33 1 99 99 99 99");
  await queueFaults(a.id, [{ delayMs: 1500 }, { status: 400, message: "Phone refused", errors: [{ param: "phone", message: "Phone refused" }] }]);
  await one.click("#save-button");
  await one.waitForFunction(() => document.querySelector("#status")?.dataset.state === "saving");
  await row(b.id).click();
  await showing(b);
  await until("the refused PATCH", () => patched(a.id, 400));
  await one.waitForFunction(() => /^Could not save /.test(document.querySelector("#toast")?.textContent ?? ""));
  assert.match(await text(one, "#toast"), /^Could not save Maria Salomea — Institut du Radium: .*Phone refused/);
  assert.equal(await one.getAttribute("#toast", "data-kind"), "error");
  assert.equal(await one.inputValue("#f-email"), b.email);
  assert.equal(await statusState(one), "idle");
  await one.screenshot({ path: `${ARTIFACTS}/www-finder-merged.png`, fullPage: true });

  assert.deepEqual(problems, []);
  assert.deepEqual(two.problems, []);
  await one.close();
  await two.page.close();
});
