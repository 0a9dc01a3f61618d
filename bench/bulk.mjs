// Bulk-update throughput against a rate-limited sandbox: how close to the
// configured limit does `updateCustomers` run, and is anything lost?
// Usage: node bench/bulk.mjs   (LIMITED_SANDBOX_URL and LIMIT_PER_MINUTE set by scripts/bench.sh)
import { CheckoutPageClient } from "../pkg/index.js";

const base = process.env.LIMITED_SANDBOX_URL ?? "http://127.0.0.1:4011";
const limit = Number(process.env.LIMIT_PER_MINUTE ?? 6000);
const count = Number(process.env.BULK_ITEMS ?? 1000);

async function createCustomers(n) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const response = await fetch(`${base}/__sandbox/customers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `bench${i}@example.com` }),
    });
    ids.push((await response.json()).data.id);
  }
  return ids;
}

export async function benchBulk() {
  const ids = await createCustomers(count);
  // maxRetries 0: any 429 would show up as a failed item.
  const client = new CheckoutPageClient({ apiKey: "sk_test_sandbox", baseUrl: base, requestsPerMinute: limit, maxRetries: 0 });
  const items = ids.map((customerId, i) => ({ customerId, patch: { companyName: `Bench ${i}` } }));
  const started = performance.now();
  const results = await client.updateCustomers(items, { concurrency: 8 });
  const seconds = (performance.now() - started) / 1000;
  let stored = 0;
  for (const [i, id] of ids.entries()) {
    const response = await fetch(`${base}/v1/customers/${id}`, { headers: { authorization: "Bearer sk_test_readonly" } });
    if ((await response.json()).data.companyName === `Bench ${i}`) stored++;
  }
  const ok = results.filter((r) => r.ok).length;
  const rateLimited = results.filter((r) => !r.ok && r.error.kind === "rate_limit").length;
  // The pacer allows a burst of 10, then one request per interval.
  const ideal = ((count - Math.min(10, limit)) * 60) / limit;
  return {
    items: count,
    limitPerMinute: limit,
    seconds,
    achievedPerMinute: (count / seconds) * 60,
    fractionOfLimit: ideal / seconds,
    ok,
    rateLimited,
    lost: count - results.length + (ok - stored),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchBulk();
  console.log(
    `bulk: ${r.items} updates at ${r.limitPerMinute}/min in ${r.seconds.toFixed(2)} s = ` +
      `${(100 * r.fractionOfLimit).toFixed(1)}% of the limit; ok ${r.ok}, 429s ${r.rateLimited}, lost ${r.lost}`,
  );
}
