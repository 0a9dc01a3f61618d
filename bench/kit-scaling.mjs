// How the test kit's costs grow with its store (trial 24, F10): for stores of
// 1 000 to 64 000 customers (100 000 with --large), the time of
// `customers.add(count)`, of `createFakeApi({ customers })`, of
// `customers.list()` and, per request through a client, of a list page (the
// first, after and before a customer in the middle, a search), a GET and a
// PATCH. Each is printed with its ratio to the smallest store, measured in
// the same run: a cost that does not grow with the store keeps a ratio near
// 1, one linear in it grows as the sizes do (×4 per step).
//
// Usage: bash scripts/build-pkg.sh && node bench/kit-scaling.mjs [--large | --sizes=1000,4000]
// (the kit's requests and add() were linear, or worse, in the store before:
// a page of 100 at 16 000 customers took 0.35 to 0.8 s, add(100000) 20 to 30 s)
import { CheckoutPageClient } from "../pkg/index.js";
import { createFakeApi, SANDBOX_KEY } from "../pkg/testing/index.js";
import { FAST, median } from "./harness.mjs";

const given = process.argv.find((a) => a.startsWith("--sizes="));
const sizes = given ? given.slice(8).split(",").map(Number) : [1000, 4000, 16000, 64000, ...(process.argv.includes("--large") ? [100_000] : [])];
const rounds = FAST ? 7 : 15;

/** Milliseconds of one call of `fn` (awaited). */
async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A fake of `n` customers (every 10th an `@acme.example` one), a client, and the customer in the middle. */
async function store(n) {
  const api = await createFakeApi({ customers: [] });
  let made;
  const added = await time(() => (made = api.customers.add(n, (i) => (i % 10 ? {} : { email: `c${i}@acme.example` }))));
  const client = new CheckoutPageClient({ apiKey: SANDBOX_KEY, fetch: api.fetch, requestsPerMinute: 1e9 });
  const middle = made[n >> 1].id;
  const fixtures = api.customers.list();
  const created = await time(() => createFakeApi({ customers: fixtures }));
  const listed = await time(() => api.customers.list());
  return { n, api, client, middle, added, created, listed };
}

const requests = {
  "first page (limit 100)": (s) => s.client.listCustomers({ limit: 100 }),
  "page after the middle": (s) => s.client.listCustomers({ limit: 100, startingAfter: s.middle }),
  "page before the middle": (s) => s.client.listCustomers({ limit: 100, endingBefore: s.middle }),
  "search page (1 in 10 match)": (s) => s.client.listCustomers({ limit: 100, search: "@acme.example" }),
  GET: (s) => s.client.getCustomer(s.middle),
  PATCH: (s) => s.client.updateCustomer(s.middle, { name: "Bench" }),
};

const stores = [];
for (const n of sizes) stores.push(await store(n));
// Requests in rounds, every store in turn (a slow spell of this shared
// machine hits them alike); medians over the rounds.
const samples = new Map();
for (const [name, fn] of Object.entries(requests)) {
  for (const s of stores) for (let i = 0; i < 3; i++) await fn(s); // warm up
  for (let r = 0; r < rounds; r++) {
    for (const s of r % 2 ? stores : [...stores].reverse()) {
      const key = `${name}@${s.n}`;
      if (!samples.has(key)) samples.set(key, []);
      samples.get(key).push(await time(() => fn(s)));
    }
  }
}

const cell = (ms, base) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} (×${(ms / base).toFixed(1)})`;
const rows = [
  ["customers.add(n)", (s) => s.added],
  ["  per customer, µs", (s) => (s.added * 1000) / s.n],
  ["createFakeApi({ customers })", (s) => s.created],
  ["customers.list()", (s) => s.listed],
  ...Object.keys(requests).map((name) => [name, (s) => median(samples.get(`${name}@${s.n}`))]),
];
console.log(`| ms (×ratio to ${sizes[0]}) | ${sizes.join(" | ")} |`);
console.log(`|---|${sizes.map(() => "---:").join("|")}|`);
for (const [label, of] of rows) {
  const base = of(stores[0]);
  console.log(`| ${label} | ${stores.map((s) => cell(of(s), base)).join(" | ")} |`);
}
