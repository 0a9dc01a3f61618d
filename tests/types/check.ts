// Type-checked with `tsc --strict --noEmit` against the built package's
// generated .d.ts: the public API must have exactly these shapes.
import {
  type BulkItem,
  type BulkProgress,
  CheckoutPageClient,
  CheckoutPageError,
  type ClientOptions,
  type Conflict,
  type Customer,
  type CustomerDraft,
  type CustomerPage,
  type CustomerPatch,
  type ErrorKind,
  type FieldError,
  type ListParams,
  type MergeResult,
  mergeCustomer,
  type ProblemCode,
  type RequestOptions,
  type Severity,
  type ValidationProblem,
  validateCustomerPatch,
} from "../../pkg/index.js";

const options: ClientOptions = {
  apiKey: "sk_test_sandbox",
  baseUrl: "http://127.0.0.1:4010",
  timeoutMs: 5_000,
  maxRetries: 1,
  dangerouslyAllowBrowser: false,
};
const client = new CheckoutPageClient(options);
new CheckoutPageClient({ baseUrl: "https://dashboard.example.com/api" });

const patch: CustomerPatch = {
  name: "Ada Lovelace",
  companyName: null,
  email: "ada@example.com",
  address: { line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
  shipping: null,
  taxId: null,
};

// @ts-expect-error: a wrongly typed field
const wrongType: CustomerPatch = { name: 42 };
// @ts-expect-error: a misspelled field
const misspelled: CustomerPatch = { compnyName: "Acme" };
// @ts-expect-error: email cannot be cleared
const clearedEmail: CustomerPatch = { email: null };
// @ts-expect-error: read-only fields are not part of a patch
const readOnly: CustomerPatch = { id: "6650a1b2c3d4e5f601234567" };
// @ts-expect-error: unknown client option
new CheckoutPageClient({ apiKy: "x" });
void [wrongType, misspelled, clearedEmail, readOnly];

// Under exactOptionalPropertyTypes, optional fields take `undefined` (a form
// field that may be unset), as the runtime does.
declare const form: { name?: string | undefined; timeoutMs: number | undefined };
const fromForm: CustomerPatch = { name: form.name, email: undefined, address: undefined };
new CheckoutPageClient({ apiKey: undefined, timeoutMs: form.timeoutMs });
void fromForm;

const requestOptions: RequestOptions = { signal: new AbortController().signal, timeoutMs: 1_000, maxRetries: 0 };

// Validation modes, per client and per call; problems carry a code and a severity.
new CheckoutPageClient({ validation: "strict" });
const offForOneCall: RequestOptions = { validation: "off" };
// @ts-expect-error: not a validation mode
const badMode: RequestOptions = { validation: "loose" };
const problems: ValidationProblem[] = validateCustomerPatch({ phone: "+1 415 555 2671 ext. 12" });
// On a validation problem `code` and `severity` are always there.
const always: [ProblemCode, Severity] | undefined = problems[0] && [problems[0].code, problems[0].severity];
const asFieldErrors: FieldError[] = problems;
void [always, asFieldErrors];
void client.updateCustomers([], { validation: "off" });
const warningsOnly: boolean = problems.every((p) => p.severity === "warning");
const code: ProblemCode | undefined = problems[0]?.code;
const severity: Severity | undefined = problems[0]?.severity;
// @ts-expect-error: not a problem code
const badCode: ProblemCode = "phone_bad";
// @ts-expect-error: not a severity
const badSeverity: Severity = "fatal";
void [offForOneCall, badMode, warningsOnly, code, severity, badCode, badSeverity];

async function use(): Promise<string> {
  const customer: Customer = await client.updateCustomer("6650a1b2c3d4e5f601234567", patch, requestOptions);
  const id: string = customer.id;
  const city: string | null | undefined = customer.address?.city;
  // Fields the API always returns are plain strings; unknown fields stay on
  // the object at runtime but are not in the type.
  const always: string[] = [customer.email, customer.sellerId, customer.createdAt, customer.updatedAt];
  const extra: unknown = (customer as Customer & Record<string, unknown>)["metadata"];
  // @ts-expect-error: a typo is not swallowed by an index signature
  void customer.emial;
  // @ts-expect-error: updateCustomer needs a patch
  void client.updateCustomer(id);
  // updateCustomers' options are optional.
  void client.updateCustomers([{ customerId: id, patch }]);
  void [city, extra, always];
  const loaded: Customer = await client.getCustomer(id, { signal: AbortSignal.timeout(5_000) });
  void loaded;
  const traced = new CheckoutPageClient({ fetch: (url, init) => fetch(url, init) });
  void traced;
  // @ts-expect-error: fetch must be a function
  new CheckoutPageClient({ fetch: "https://example.com" });
  try {
    await client.updateCustomer(id, { phone: "+31 20 123 4567" });
  } catch (error) {
    if (error instanceof CheckoutPageError) {
      const kind: ErrorKind = error.kind;
      const status: number | null = error.status;
      const errors: FieldError[] = error.errors;
      const first: FieldError | undefined = errors[0];
      const param: string | undefined = first?.param;
      const requestId: string | null = error.requestId;
      const wait: number | null = error.retryAfterMs;
      const body: unknown = error.body;
      const cause: unknown = error.cause;
      void cause;
      const asError: Error = error;
      // @ts-expect-error: not an ErrorKind
      const badKind: ErrorKind = "teapot";
      void [kind, status, param, requestId, wait, body, asError, badKind];
      if (kind === "not_found") return "missing";
    }
  }
  return id;
}
void use;

// Issue 26: the conflict-aware save and the pure merge.
async function save(client: CheckoutPageClient): Promise<string[]> {
  const loaded = await client.getCustomer("6650a1b2c3d4e5f601234567");
  const draft: CustomerDraft = { ...loaded, address: { ...loaded.address, city: "Haarlem" } };
  try {
    const { customer, report } = await client.saveCustomer(loaded, draft, { onConflict: "reject", timeoutMs: 5000 });
    const sent: CustomerPatch | null = report.sent;
    const concurrent: boolean = report.concurrent;
    void [customer.updatedAt, sent, concurrent];
    // @ts-expect-error: not an onConflict choice
    await client.saveCustomer(loaded, draft, { onConflict: "ours" });
    return [...report.mine, ...report.theirs, ...report.both, ...report.differences, ...report.conflicts.map((c) => c.param)];
  } catch (error) {
    if (error instanceof CheckoutPageError && error.kind === "conflict") {
      const current: Customer | null = error.current;
      const first: Conflict | undefined = error.conflicts[0];
      const values: (string | null)[] = first ? [first.base, first.theirs, first.mine] : [];
      const merged: MergeResult = mergeCustomer(loaded, current ?? loaded, draft, { onConflict: "theirs" });
      const patch: CustomerPatch = merged.patch;
      void [values, patch];
      return merged.conflicts.map((c) => c.param);
    }
    throw error;
  }
}
void save;

// Issue 24: pages, iteration, the locale option and bulk over an async iterable.
async function find(client: CheckoutPageClient): Promise<number> {
  const page: CustomerPage = await client.listCustomers({ search: "ada", limit: 50 }, { locale: "nl", signal: new AbortController().signal });
  const total: number = page.total;
  const more: boolean = page.hasMore && page.hasNextPage();
  const next: ListParams | null = page.nextPageParams;
  const older: CustomerPage = await page.getNextPage();
  for await (const customer of client.listCustomers()) void customer.email;
  for await (const p of older.iterPages()) void p.data.length;
  // @ts-expect-error: the package's names, not the wire's
  await client.listCustomers({ starting_after: "6650a1b2c3d4e5f601234567" });
  // @ts-expect-error: a limit is a number
  await client.listCustomers({ limit: "10" });
  async function* items(): AsyncGenerator<BulkItem> {
    for await (const customer of client.listCustomers({ search: "@acme.example" })) {
      yield { customerId: customer.id, patch: { companyName: "Acme B.V." } };
    }
  }
  await client.updateCustomers(items(), { onProgress: (p: BulkProgress) => void (p.total ?? "?"), locale: "de" });
  // Trial 24: a rejected bulk job's results (F2) and a page's request id (F13).
  try {
    await client.updateCustomers(items());
  } catch (error) {
    if (error instanceof CheckoutPageError) {
      const written: string[] = (error.results ?? []).filter((r) => r.ok).map((r) => r.customerId);
      void written;
    }
  }
  const requestId: string | null = page.requestId;
  void [more, next, requestId];
  return total;
}
void find;
