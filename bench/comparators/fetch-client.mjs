// What a TypeScript frontend would write instead of the SDK: a hand-written
// `fetch` client for PATCH /v1/customers/:customerId, optionally validating
// the patch first (fetch-zod.mjs, fetch-valibot.mjs). Used by bench/run.mjs
// for the updateCustomer overhead and bundled by bench/size/bundles.mjs for
// the size comparison. It does what such a client does (headers, JSON body,
// error body) and nothing the SDK does beyond that (no retries, timeouts,
// rate limit or typed error classes).
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
    this.body = body;
  }
}

export function createClient({ apiKey, baseUrl = "https://api.checkoutpage.com", validate } = {}) {
  return {
    async updateCustomer(customerId, patch) {
      if (validate) {
        const errors = validate(patch);
        if (errors) throw new ApiError(400, { message: "Invalid customer patch", errors });
      }
      const response = await fetch(`${baseUrl}/v1/customers/${encodeURIComponent(customerId)}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(patch),
      });
      const text = await response.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = { message: text };
      }
      if (!response.ok) throw new ApiError(response.status, body);
      return body.data;
    },
  };
}
