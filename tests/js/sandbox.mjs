// Helpers for JavaScript tests: the sandbox URL and its test-control routes.
export const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
export const KEY = "sk_test_sandbox";

/** Creates a fresh customer in the sandbox and returns it. */
export async function newCustomer(fields = {}) {
  const response = await fetch(`${SANDBOX}/__sandbox/customers`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "fresh@example.com", ...fields }),
  });
  if (response.status !== 201) throw new Error(`sandbox answered ${response.status}`);
  return (await response.json()).data;
}

/** The customer as the sandbox stores it. */
export async function stored(id) {
  const response = await fetch(`${SANDBOX}/v1/customers/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  return (await response.json()).data;
}

/** Requests the sandbox received for a customer, preflights excluded. */
export async function requestsFor(id) {
  const response = await fetch(`${SANDBOX}/__sandbox/requests?customerId=${encodeURIComponent(id)}`);
  return (await response.json()).data.filter((r) => r.method !== "OPTIONS");
}
