/* tslint:disable */
/* eslint-disable */

/**
 * Every failure of the client: `kind` says what went wrong, `status` is the
 * HTTP status when a response arrived, `errors` lists field problems in the
 * API's own shape, `body` is the whole parsed response body.
 */
export class CheckoutPageError extends Error {
    /** Created by the client only. */
    private constructor();
    /** Always `"CheckoutPageError"`. */
    readonly name: "CheckoutPageError";
    /** What went wrong. */
    readonly kind: ErrorKind;
    /** The HTTP status, or `null` when no response arrived. */
    readonly status: number | null;
    /** Field-level problems, from client-side validation or the API. */
    readonly errors: FieldError[];
    /** The whole parsed response body (or `null`), extra properties included. */
    readonly body: unknown;
    /** The `x-request-id` response header, when present. */
    readonly requestId: string | null;
    /**
     * How long to wait before trying again, in milliseconds, on `rate_limit`
     * errors: the server's `Retry-After`, or the rest of the client's pause
     * when a call was refused without sending anything.
     */
    readonly retryAfterMs: number | null;
    /**
     * For `conflict` errors (`saveCustomer`): each field someone else changed,
     * since the customer was loaded, to another value than the draft's, as
     * `{ param, base, theirs, mine }`. Empty for every other kind.
     */
    readonly conflicts: Conflict[];
    /** For `conflict` errors: the customer as stored now; `null` otherwise. */
    readonly current: Customer | null;
    /**
     * For `aborted` and `timeout` errors caused by the call's `signal`: the
     * signal's `reason` (as passed to `controller.abort(reason)`).
     */
    readonly cause?: unknown | undefined;
}

/**
 * A problem `validateCustomerPatch` found: a `FieldError` whose `code` and
 * `severity` are always set.
 */
export type ValidationProblem = FieldError & { code: ProblemCode; severity: Severity };

/**
 * The outcome of one item of `updateCustomers`: the customer as stored, or
 * the error that item ended in.
 */
export type BulkResult =
| { customerId: string; ok: true; customer: Customer }
| { customerId: string; ok: false; error: CheckoutPageError };

/** The client's own field of `CheckoutPageError` (merged with the class). */
export interface CheckoutPageError {
    /**
     * When `updateCustomers` rejects after items were taken (its iterable
     * threw: kind `"aborted"`; it held more than 100 000 items: kind
     * `"validation"`): the result of every item taken, in input order, as the
     * call would have resolved them, so that no write made goes unreported.
     * Absent on every other error (and not in `toJSON()`).
     */
    readonly results?: BulkResult[] | undefined;
}

/**
 * One page of `listCustomers`: customers newest first, as the API sent them
 * (unknown fields included). Iterating it with `for await` yields its
 * customers and those of every later page, fetched as the loop asks for them.
 */
export interface CustomerPage extends AsyncIterable<Customer> {
    /** The customers of this page (at most `limit`). */
    readonly data: Customer[];
    /** How many customers match the query, across every page. */
    readonly total: number;
    /** Whether customers exist beyond this page, in the direction paged. */
    readonly hasMore: boolean;
    /** The query this page was fetched with. */
    readonly params: ListParams;
    /** The query of the next (older) page, or `null` at the end. */
    readonly nextPageParams: ListParams | null;
    /** The query of the previous (newer) page, or `null` at the start. */
    readonly previousPageParams: ListParams | null;
    /** The reply's `x-request-id` (quote it to support), or `null` when it had none. */
    readonly requestId: string | null;
    /** Whether there is a next (older) page: `nextPageParams !== null`. */
    hasNextPage(): boolean;
    /** Whether there is a previous (newer) page: `previousPageParams !== null`. */
    hasPreviousPage(): boolean;
    /**
     * The next (older) page; rejects with kind `"validation"` when there is
     * none. One call, like `getCustomer`: it waits for a slot of the client's
     * rate limit (or a 429 pause) at most its `timeoutMs`, then rejects with
     * kind `"rate_limit"` and `retryAfterMs`, nothing sent; iterating
     * (`for await`, `iterPages()`) waits as long as the pacer needs.
     */
    getNextPage(): PagePromise;
    /** The previous (newer) page; rejects with kind `"validation"` when there is none (waits as `getNextPage()`). */
    getPreviousPage(): PagePromise;
    /**
     * This page and every later one, in the direction its query pages: the
     * next (older) pages, or, for a page fetched with `endingBefore`, the
     * previous (newer) ones (each page's customers newest first).
     */
    iterPages(): AsyncGenerator<CustomerPage, void, undefined>;
}

/**
 * What `listCustomers` returns: a promise of the first page that is also an
 * async iterable over every matching customer across pages
 * (`for await (const customer of client.listCustomers({ search: "ada" }))`),
 * paced at the client's rate limit; breaking out of the loop stops fetching,
 * and the call's `signal` aborts it. An `endingBefore` query iterates
 * towards newer customers (the pages before the cursor, one after the
 * other), any other query towards older ones. Bad parameters, or a freed
 * client, reject it (and a loop over it) with a `CheckoutPageError`.
 */
export type PagePromise = Promise<CustomerPage> & AsyncIterable<Customer>;

/**
 * What `saveCustomer` did besides saving: dotted params (`address.city`) in
 * the API's field order.
 */
export interface SaveReport {
    /** Whether the customer had changed since it was loaded (its `updatedAt` moved), so the save merged. */
    concurrent: boolean;
    /** The patch sent, or `null` when nothing was left to send (no `PATCH`). */
    sent: CustomerPatch | null;
    /** Fields only the draft changed: sent. */
    mine: string[];
    /** Fields someone else changed since loading: kept, not sent. */
    theirs: string[];
    /** Fields both changed to the same value. */
    both: string[];
    /** Fields both changed differently, settled by `onConflict` (`"mine"` or `"theirs"`). */
    conflicts: Conflict[];
    /**
     * Fields the server returned with another value than the save expected:
     * someone else's write between the save's `GET` and its `PATCH` (the API
     * cannot make the check atomic), or a rule of the server's. Dotted
     * (`shipping.address.city`), compared as stored. A write in that window
     * to a field the save sent (for `address` and `shipping`, any of their
     * lines) was overwritten by it, and cannot be listed.
     */
    differences: string[];
}

/** What `saveCustomer` resolves to. */
export interface SaveResult {
    /** The customer as stored (from the `PATCH`, or the `GET` when nothing was sent). */
    customer: Customer;
    /** What was merged, sent and found. */
    report: SaveReport;
}

/** What `mergeCustomer` returns. */
export interface MergeResult {
    /** What to send to turn the current customer into the merged one (`{}`: nothing). */
    patch: CustomerPatch;
    /** The merged customer's editable fields, every one present (`null` where empty). */
    draft: CustomerDraft;
    /** Fields only the draft changed. */
    mine: string[];
    /** Fields only the current customer changed. */
    theirs: string[];
    /** Fields both changed to the same value. */
    both: string[];
    /** Fields both changed differently (merged as `onConflict` says). */
    conflicts: Conflict[];
}



/** The languages of problem messages; any other tag gives English. */
export type Locale = "en" | "nl" | "de" | "fr" | "es";

/**
 * The Standard Schema v1 interface (https://standardschema.dev, MIT), as its
 * spec publishes it for copying, so `StandardSchemaV1.InferOutput<typeof
 * schema>` works without a dependency.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
    /** The Standard Schema properties. */
    readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
/** The types of the Standard Schema v1 interface. */
export declare namespace StandardSchemaV1 {
    /** The Standard Schema properties. */
    export interface Props<Input = unknown, Output = Input> {
        /** The version number of the standard. */
        readonly version: 1;
        /** The vendor name of the schema library. */
        readonly vendor: string;
        /** Validates unknown input values. */
        readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
        /** Inferred types associated with the schema. */
        readonly types?: Types<Input, Output> | undefined;
    }
    /** The result interface of the validate function. */
    export type Result<Output> = SuccessResult<Output> | FailureResult;
    /** The result interface if validation succeeds. */
    export interface SuccessResult<Output> {
        /** The typed output value. */
        readonly value: Output;
        /** The non-existent issues. */
        readonly issues?: never | undefined;
    }
    /** The result interface if validation fails. */
    export interface FailureResult {
        /** The issues of failed validation. */
        readonly issues: ReadonlyArray<Issue>;
    }
    /** The issue interface of the failure output. */
    export interface Issue {
        /** The error message of the issue. */
        readonly message: string;
        /** The path of the issue, if any. */
        readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
    }
    /** The path segment interface of the issue. */
    export interface PathSegment {
        /** The key representing a path segment. */
        readonly key: PropertyKey;
    }
    /** The Standard Schema types interface. */
    export interface Types<Input = unknown, Output = Input> {
        /** The input type of the schema. */
        readonly input: Input;
        /** The output type of the schema. */
        readonly output: Output;
    }
    /** Infers the input type of a Standard Schema. */
    export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
    /** Infers the output type of a Standard Schema. */
    export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/**
 * A problem as a schema reports it: a Standard Schema issue (`message` in
 * the schema's locale, `path` the field as an array such as
 * `["address", "postalCode"]`, absent for the whole value) with the
 * problem's `param` (dotted), `code` and `severity`.
 */
export interface SchemaIssue extends StandardSchemaV1.Issue {
    /** The field as an array of keys; absent for a problem with the whole value. */
    readonly path?: ReadonlyArray<string> | undefined;
    /** The field, dotted (`address.postalCode`); `""` for the whole value. */
    readonly param: string;
    /** What kind of problem it is. */
    readonly code: ProblemCode;
    /** `"error"` blocks; `"warning"` is a hint (an issue only when strict). */
    readonly severity: Severity;
}

/**
 * A schema's result: Standard Schema's, always synchronous, plus the
 * `warnings` that do not block (hints to show with their paths).
 */
export type CustomerSchemaResult<Output> = (
| { readonly value: Output; readonly issues?: never | undefined; }
| { readonly issues: ReadonlyArray<SchemaIssue>; }
) & { readonly warnings: ReadonlyArray<SchemaIssue> };

/** The Standard Schema properties of this package's schemas. */
export interface CustomerSchemaProps<Input, Output> extends StandardSchemaV1.Props<Input, Output> {
    /** Synchronous: a result (with the warnings), never a Promise. */
    readonly validate: (value: unknown) => CustomerSchemaResult<Output>;
}

/** A Standard Schema v1 object of this package; `validate` is synchronous. */
export interface CustomerSchema<Input, Output> extends StandardSchemaV1<Input, Output> {
    /** The Standard Schema properties (`vendor: "checkoutpage-client"`). */
    readonly "~standard": CustomerSchemaProps<Input, Output>;
    /** The warnings for `value` alone (hints that never block). */
    warnings(value: unknown): ReadonlyArray<SchemaIssue>;
}

/**
 * A schema for a patch: output the patch normalised by this package's rules
 * (as `normalizeCustomerPatch`; the API itself normalises only `email`, and
 * `updateCustomer` sends what it is given).
 */
export type CustomerPatchSchema = CustomerSchema<CustomerPatch, CustomerPatch>;

/**
 * A schema for an edit form's values (`diffCustomer`'s draft): output the
 * draft as `diffCustomer` will read it, to pass to `diffCustomer` or
 * `saveCustomer` with the loaded customer: its editable fields normalised
 * by this package's rules (trimmed, emails lowercased), an emptied optional
 * field or sub-field `null` (an `address` with all six lines emptied
 * `null`), a field or sub-field it leaves out still left out (unchanged).
 * Other keys (`id`, `createdAt`, fields the API added) are carried as
 * given: `diffCustomer` refuses those that differ from the loaded
 * customer, never drops them. With the `before` option the schema refuses
 * them itself, at their path, and an error on a value equal to the loaded
 * one is only a warning.
 */
export type CustomerDraftSchema = CustomerSchema<CustomerDraft, CustomerDraft>;

/** The options of `validateCustomerPatch` and `diffCustomer`. */
export interface MessageOptions {
    /**
     * The language of the problems' messages: `"en"` (the default), `"nl"`,
     * `"de"`, `"fr"`, `"es"`, or any BCP 47 tag (`navigator.language`);
     * English for other languages.
     */
    locale?: Locale | (string & {}) | null | undefined;
}

/** Options of a schema. */
export interface SchemaOptions extends MessageOptions {
    /**
     * What blocks: `"standard"` (errors, the default), `"strict"` (warnings
     * too), `"off"` (only what cannot be sent as given: wrong types, unknown
     * or read-only keys, an emptied email).
     */
    validation?: "standard" | "strict" | "off" | null | undefined;
    /**
     * Draft schema only: the loaded customer (as `getCustomer` returned it),
     * to judge the form's values as `diffCustomer` will: a changed read-only
     * or unknown key is an issue at its path, an unchanged one is fine, and an
     * error on a value equal to the loaded one (a stored tab in a name) is
     * only a warning. Without it those keys are carried to the value for
     * `diffCustomer` to judge.
     */
    before?: Customer | null | undefined;
}


/**
 * A customer as the API returns it.
 *
 * `id`, `email`, `sellerId`, `createdAt` and `updatedAt` are always present
 * in the API's responses, so their types are plain strings; every other field
 * may be missing or `null`. Fields the API adds after this SDK was written
 * are kept on the object exactly as they were sent (in Rust, in `extra`), so
 * nothing the server sent is lost; they are not part of the type, so a typo
 * such as `customer.emial` is a type error (read new fields with a cast).
 */
export type Customer = { id: string; name?: string | null | undefined; companyName?: string | null | undefined; email: string; phone?: string | null | undefined; billingEmail?: string | null | undefined; address?: Address | null | undefined; shipping?: Shipping | null | undefined; taxId?: string | null | undefined; taxIdType?: string | null | undefined; sellerId: string; stripeCustomerId?: string | null | undefined; createdAt: string; updatedAt: string } & {};

/**
 * A postal address. The API replaces a stored address in full when one is
 * supplied, so an address in a patch must be complete.
 */
export interface Address {
    /**
     * Street address, first line.
     */
    line1?: string | null | undefined;
    /**
     * Street address, second line.
     */
    line2?: string | null | undefined;
    /**
     * City or town.
     */
    city?: string | null | undefined;
    /**
     * State, province or region.
     */
    state?: string | null | undefined;
    /**
     * Postal or ZIP code.
     */
    postalCode?: string | null | undefined;
    /**
     * ISO 3166-1 alpha-2 country code.
     */
    country?: string | null | undefined;
}

/**
 * A stable, machine-readable name for each kind of client-side problem, for
 * localising messages and for logic. Each code always has the same
 * severity: `not_an_object` to `too_many_problems` are errors, `invalid_email`
 * to `too_long` warnings (table: the README's "Validation" section).
 */
export type ProblemCode = "not_an_object" | "empty_patch" | "unknown_field" | "read_only_field" | "invalid_type" | "email_required" | "control_character" | "invalid_unicode" | "unsupported_value" | "invalid_customer_id" | "invalid_option" | "invalid_input" | "too_many_problems" | "invalid_email" | "invalid_phone" | "invalid_country" | "postal_code_format" | "tax_id_format" | "tax_id_type" | "tax_id_pair" | "too_long";

/**
 * How much validation runs before a patch is sent: `"standard"` (the
 * default) blocks on errors only, `"strict"` on warnings too, `"off"` only
 * on what cannot be sent as given (not an object, unknown or read-only
 * fields, wrong types, `email: null`, non-JSON values, invalid Unicode).
 */
export type ValidationMode = "strict" | "standard" | "off";

/**
 * How serious a client-side problem is.
 *
 * The rule: an **error** only where the API certainly refuses the value or
 * it cannot be sent faithfully; everything else, a probable mistake that a
 * real customer can still have, is a **warning**.
 */
export type Severity = "error" | "warning";

/**
 * One field both sides changed, to different values, in a conflict-aware
 * save: its dotted `param` (`name`, `address.city`,
 * `shipping.address.line2`) and its value as loaded (`base`), as stored now
 * (`theirs`: someone else's edit) and in the draft (`mine`), each as the
 * server stores it: a string, or `null` for none.
 */
export interface Conflict {
    /**
     * The field, dotted for nested ones.
     */
    param: string;
    /**
     * Its value when the customer was loaded.
     */
    base: string | null;
    /**
     * Its value stored now.
     */
    theirs: string | null;
    /**
     * Its value in the draft.
     */
    mine: string | null;
}

/**
 * One item of a bulk update.
 */
export interface BulkItem {
    /**
     * The customer to update.
     */
    customerId: string;
    /**
     * What to change.
     */
    patch: CustomerPatch;
}

/**
 * One problem with one field, in the API's own shape, plus a machine-readable
 * `code` and a `severity` on every problem found client-side.
 *
 * `param` is dotted for nested fields (`address.country`,
 * `shipping.address.postalCode`); an empty `param` means the whole body.
 * Errors returned by the server (a 400's `errors[]`) carry only `param`,
 * `message` and `value`, exactly as the API sent them.
 */
export interface FieldError {
    /**
     * The field, dotted for nested fields.
     */
    param: string;
    /**
     * What is wrong, in a sentence, in the chosen `locale` (English by default).
     */
    message: string;
    /**
     * The offending value as given (`null` when there was none).
     */
    value: unknown;
    /**
     * What kind of problem this is. Set on every problem found client-side;
     * absent on errors the server returned.
     */
    code?: ProblemCode | undefined;
    /**
     * `"error"` blocks sending, `"warning"` does not. Set on every problem
     * found client-side; absent on errors the server returned.
     */
    severity?: Severity | undefined;
}

/**
 * Options for `mergeCustomer`.
 */
export interface MergeOptions {
    /**
     * How a field both changed differently is merged: `"reject"` and
     * `"theirs"` keep theirs, `"mine"` takes mine; each is listed in
     * `conflicts` whatever the choice.
     */
    onConflict?: OnConflict | undefined;
    /**
     * The language of the messages of the problems found in the arguments
     * (`"en"`, `"nl"`, `"de"`, `"fr"`, `"es"`; any BCP 47 tag, English for
     * other languages, as for `null`; default: English), as for
     * `diffCustomer`.
     */
    locale?: Locale | (string & {}) | null | undefined;
}

/**
 * Options for `saveCustomer`: a call's options (each of its requests gets
 * them), and what to do with a conflict.
 */
export interface SaveOptions {
    /**
     * Aborts the save (its `GET` or its `PATCH`), including any wait.
     */
    signal?: AbortSignal | undefined;
    /**
     * Per-attempt timeout in milliseconds for each request of the save.
     */
    timeoutMs?: number | undefined;
    /**
     * Retries after the first attempt, for each request of the save.
     */
    maxRetries?: number | undefined;
    /**
     * The client's `validation` mode, for the draft's changes.
     */
    validation?: ValidationMode | undefined;
    /**
     * The language of the messages of the problems found in the arguments
     * (`"en"`, `"nl"`, `"de"`, `"fr"`, `"es"`; any BCP 47 tag, English for
     * other languages; default: the client's `locale`).
     */
    locale?: Locale | (string & {}) | undefined;
    /**
     * A field both I and someone else changed, to different values:
     * `"reject"` (default: nothing is sent, the save rejects with kind
     * `"conflict"`), `"mine"` (my value is sent) or `"theirs"` (theirs is
     * kept). Settled conflicts are listed in `report.conflicts`.
     */
    onConflict?: OnConflict | undefined;
}

/**
 * Options for `updateCustomers`.
 */
export interface BulkOptions {
    /**
     * Items in flight at once (default 4, at most 64).
     */
    concurrency?: number | undefined;
    /**
     * A rate for this job, on top of the client's own `requestsPerMinute`.
     */
    requestsPerMinute?: number | undefined;
    /**
     * Stops scheduling: items in flight finish, the rest end `"aborted"`;
     * a pull from an iterable under way is not waited for, and the
     * iterable is closed (its `return()`).
     */
    signal?: AbortSignal | undefined;
    /**
     * Called whenever progress changed: after every finished item (items
     * that finish together, refused before sending or ended by an
     * abort, in one call), and once more when an iterable's end makes
     * the total known; the last call has the final `total`.
     */
    onProgress?: ((progress: BulkProgress) => void) | undefined;
    /**
     * The client's `validation` mode, for every item of this job.
     */
    validation?: ValidationMode | undefined;
    /**
     * The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
     * `"es"`; any BCP 47 tag such as `navigator.language`, English for
     * other languages) for this job's items (default: the client's `locale`).
     */
    locale?: Locale | (string & {}) | undefined;
}

/**
 * Options for one call.
 */
export interface RequestOptions {
    /**
     * Aborts the call, including any wait between retries.
     */
    signal?: AbortSignal | undefined;
    /**
     * Per-attempt timeout in milliseconds for this call.
     */
    timeoutMs?: number | undefined;
    /**
     * Retries after the first attempt for this call.
     */
    maxRetries?: number | undefined;
    /**
     * The client's `validation` mode, for this call's patch
     * (`updateCustomer`; ignored by `getCustomer`).
     */
    validation?: ValidationMode | undefined;
    /**
     * The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
     * `"es"`; any BCP 47 tag such as `navigator.language`, English for
     * other languages) for this call (default: the client's `locale`).
     */
    locale?: Locale | (string & {}) | undefined;
}

/**
 * Options for the `CheckoutPageClient` constructor.
 */
export interface ClientOptions {
    /**
     * Secret API key, sent as `Authorization: Bearer <key>`. Omit it when
     * `baseUrl` points at your own backend proxy that adds the key.
     */
    apiKey?: string | undefined;
    /**
     * Defaults to `https://api.checkoutpage.com`. Must be `https:`, except
     * for `localhost`, `127.0.0.1` and `[::1]`.
     */
    baseUrl?: string | undefined;
    /**
     * Per-attempt timeout in milliseconds (default 30 000).
     */
    timeoutMs?: number | undefined;
    /**
     * Retries after the first attempt (default 2).
     */
    maxRetries?: number | undefined;
    /**
     * Requests per minute this client allows itself, across every call
     * (default 100, the API's per-key limit). Requests beyond it wait for
     * their turn; a 429 pauses every call until its `Retry-After`.
     */
    requestsPerMinute?: number | undefined;
    /**
     * Allow an `apiKey` in a browser page. Only for trusted, non-public pages.
     */
    dangerouslyAllowBrowser?: boolean | undefined;
    /**
     * A `fetch` to use instead of the global one (a proxy agent,
     * instrumentation, a test double): called as `fetch(url, init)` and
     * resolving to a `Response`. Checked at construction.
     */
    fetch?: ((url: string, init: RequestInit) => Promise<Response>) | undefined;
    /**
     * Which problems of `validateCustomerPatch` stop a patch before it is
     * sent: `"standard"` (the default) errors only, `"strict"` warnings too,
     * `"off"` only what cannot be sent as given.
     */
    validation?: ValidationMode | undefined;
    /**
     * The language of problem messages (`"en"`, `"nl"`, `"de"`, `"fr"`,
     * `"es"`; any BCP 47 tag such as `navigator.language`, English for
     * other languages), for every call of the client.
     */
    locale?: Locale | (string & {}) | undefined;
}

/**
 * Progress of a bulk update.
 */
export interface BulkProgress {
    /**
     * Items finished, updated or failed.
     */
    done: number;
    /**
     * All items; `null` while the items of an iterable are still coming.
     */
    total: number | null;
    /**
     * Items failed so far.
     */
    failed: number;
}

/**
 * The body of `PATCH /v1/customers/:customerId`.
 *
 * Each field is tri-state: omitted leaves the stored value unchanged (and is
 * never sent), `null` clears it, a value sets it. In Rust these are `None`,
 * `Some(None)` and `Some(Some(v))`. `email` cannot be cleared, so it has no
 * `null` state. `address` and `shipping` replace the stored ones whole.
 */
export interface CustomerPatch {
    /**
     * Full name.
     */
    name?: string | null | undefined;
    /**
     * Company name.
     */
    companyName?: string | null | undefined;
    /**
     * Email address, stored trimmed and lowercased. Every customer
     * has one: it cannot be cleared.
     */
    email?: string | undefined;
    /**
     * Phone number.
     */
    phone?: string | null | undefined;
    /**
     * Email address for invoices (stored trimmed and lowercased).
     */
    billingEmail?: string | null | undefined;
    /**
     * Billing address; a patch replaces it whole.
     */
    address?: Address | null | undefined;
    /**
     * Shipping details; a patch replaces them whole.
     */
    shipping?: Shipping | null | undefined;
    /**
     * Tax id (VAT number, EIN, ...).
     */
    taxId?: string | null | undefined;
    /**
     * Tax id type, Stripe-style (`eu_vat`, `us_ein`, ...).
     */
    taxIdType?: string | null | undefined;
}

/**
 * The editable part of a customer, as an edit form holds it: the
 * fields a patch may carry, each optional, in the same shape as on
 * [`Customer`]. Feed it to `diff_customer` to get the minimal patch.
 *
 * A draft may be partial: a field it leaves out (or sets to `undefined`)
 * keeps the customer's value, unchanged; `null` or `""` empties it. The
 * same holds inside `address`, `shipping` and `shipping.address`: a
 * sub-field left out keeps the customer's value. (In
 * Rust, `None` means empty; `CustomerDraft::from_partial` reads a partial
 * draft.) Emptying `email` is an `email_required` error (the API cannot clear it).
 */
export interface CustomerDraft {
    /**
     * Full name.
     */
    name?: string | null | undefined;
    /**
     * Company name.
     */
    companyName?: string | null | undefined;
    /**
     * Email address, stored trimmed and lowercased. Every customer
     * has one: it cannot be cleared.
     */
    email?: string | null | undefined;
    /**
     * Phone number.
     */
    phone?: string | null | undefined;
    /**
     * Email address for invoices (stored trimmed and lowercased).
     */
    billingEmail?: string | null | undefined;
    /**
     * Billing address; a patch replaces it whole.
     */
    address?: Address | null | undefined;
    /**
     * Shipping details; a patch replaces them whole.
     */
    shipping?: Shipping | null | undefined;
    /**
     * Tax id (VAT number, EIN, ...).
     */
    taxId?: string | null | undefined;
    /**
     * Tax id type, Stripe-style (`eu_vat`, `us_ein`, ...).
     */
    taxIdType?: string | null | undefined;
}

/**
 * The query of `listCustomers` (`GET /v1/customers/`); sent with the
 * API's own names (`starting_after`, ...). Every field is optional.
 */
export interface ListParams {
    /**
     * Case-insensitive text matched against the customer's name and email.
     */
    search?: string | undefined;
    /**
     * Customers per page: an integer from 1 to 100 (the API's default: 20).
     */
    limit?: number | undefined;
    /**
     * The page after this customer id (older customers); not with
     * `endingBefore`.
     */
    startingAfter?: string | undefined;
    /**
     * The page before this customer id (newer customers); not with
     * `startingAfter`.
     */
    endingBefore?: string | undefined;
}

/**
 * What a save does with a field both sides changed to different values.
 */
export type OnConflict = "reject" | "mine" | "theirs";

/**
 * What kind of failure a call ended in.
 */
export type ErrorKind = "validation" | "bad_request" | "authentication" | "permission" | "not_found" | "rate_limit" | "server" | "http" | "network" | "timeout" | "aborted" | "invalid_response" | "environment" | "conflict";

/**
 * Where orders ship. Replaced in full when supplied in a patch.
 */
export interface Shipping {
    /**
     * Recipient name.
     */
    name?: string | null | undefined;
    /**
     * Recipient phone.
     */
    phone?: string | null | undefined;
    /**
     * Shipping address.
     */
    address?: Address | null | undefined;
}


/**
 * A client for the Checkout Page customers API.
 */
export class CheckoutPageClient {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Loads a customer: `GET /v1/customers/:customerId`. Resolves to the
     * customer as stored (unknown fields included); rejects with a
     * `CheckoutPageError`, exactly like `updateCustomer`: same retries,
     * timeouts, rate limit and errors. A bad id rejects before anything is
     * sent.
     */
    getCustomer(customerId: string, options?: RequestOptions | null): Promise<Customer>;
    /**
     * Lists customers, newest first: `GET /v1/customers/`. `params`:
     * `search` (case-insensitive, over name and email), `limit` (1–100
     * per page, default 20), `startingAfter` or `endingBefore` (a customer
     * id). Resolves to the first page (`data`, `total`, `hasMore`,
     * `getNextPage()`, `getPreviousPage()`); the same return value is an
     * async iterable over every matching customer across pages, fetched
     * page by page at the client's rate limit as the loop asks for them.
     * Same retries, timeouts, signal, `locale` and errors as
     * `getCustomer`; bad parameters reject with a `validation` error
     * (`{param, message, value, code, severity}` problems) before anything
     * is sent.
     */
    listCustomers(params?: ListParams, options?: RequestOptions): PagePromise;
    /**
     * Creates a client. Throws a `CheckoutPageError` of kind `"validation"`
     * for bad options (an `http:` URL to a remote host, a secret key in a
     * browser page without `dangerouslyAllowBrowser`, unknown option names,
     * a `fetch` that is not a function).
     */
    constructor(options: ClientOptions);
    /**
     * Saves `draft`, edited from `loaded` (the customer as `getCustomer`
     * returned it), without losing what someone else saved meanwhile:
     * loads the customer as stored now (`GET`), merges three ways, field by
     * field and inside `address`, `shipping` and `shipping.address` line by
     * line, and sends only what is left (`PATCH`, complete sub-objects).
     * Resolves to `{ customer, report }` (see `SaveReport`); with fields
     * both changed differently it sends nothing and rejects with a
     * `CheckoutPageError` of kind `"conflict"` (`conflicts`: `{ param,
     * base, theirs, mine }`; `current`: the customer as stored), unless
     * `options.onConflict` is `"mine"` or `"theirs"`. The API has no
     * conditional write: an edit saved between the `GET` and the `PATCH`
     * is not merged; a field that came back different is listed in
     * `report.differences`. A `PATCH` to retry (429, 503, other 5xx,
     * network) is not re-sent as it was: after the same wait the save
     * loads and merges again, within the same `maxRetries`. Two saves of
     * one customer through one client run one after the other: the later
     * one's `GET` waits for the earlier save to end, and merges with its
     * result (its wait ends early only by `options.signal`). Other failures
     * reject as `updateCustomer`'s do; a bad argument or draft rejects
     * before anything is sent, and so does an edit the save cannot carry,
     * as in `diffCustomer` (an emptied email is `email_required`), in
     * `options.locale`.
     */
    saveCustomer(loaded: Customer, draft: CustomerDraft, options?: SaveOptions): Promise<SaveResult>;
    /**
     * Updates a customer: `PATCH /v1/customers/:customerId` with `patch` as
     * the body. Resolves to the customer as stored by the server; rejects
     * with a `CheckoutPageError`. An empty or invalid patch rejects before
     * anything is sent.
     */
    updateCustomer(customerId: string, patch: CustomerPatch, options?: RequestOptions | null): Promise<Customer>;
    /**
     * Updates many customers at the pace the API allows. `items`: an array,
     * or an iterable or async iterable (a generator over `listCustomers`),
     * pulled one item at a time as workers free up (`onProgress`'s `total`
     * is then `null` until its end). Resolves to one result per item, in
     * input order, and never rejects for one item's failure (an iterable
     * that throws rejects with kind `"aborted"` and the thrown value as
     * `cause`, one with more than 100 000 items with kind `"validation"`,
     * once the items in flight have finished; either error's `results`
     * holds the result of every item taken, as the call would have
     * resolved them). Every item is checked
     * first; invalid ones fail alone without a request. Requests go
     * through the client's shared pacer (and this job's own
     * `requestsPerMinute`, if given); a 429 pauses every call. On abort no
     * new item starts, items in flight finish, and the rest end with kind
     * `"aborted"`; a pull from the iterable under way is not waited for,
     * and the iterable is closed (its `return()`).
     */
    updateCustomers(items: Iterable<BulkItem> | AsyncIterable<BulkItem>, options?: BulkOptions): Promise<BulkResult[]>;
}


/**
 * `customer` after `patch`, for optimistic UI: top-level fields merged,
 * `null` clears, `address` and `shipping` replaced whole, strings
 * normalised by this package's rules (the API itself normalises only
 * `email`: the stored customer matches when the patch sent was normalised,
 * as `diffCustomer`'s is). `updatedAt` is left as it was.
 */
export function applyCustomerPatch(customer: Customer, patch: CustomerPatch): Customer;

/**
 * A Standard Schema (v1) for an edit form's values, the draft
 * `diffCustomer` takes: an emptied email is an `email_required` issue, an
 * empty optional field means "clear"; the value is the draft's fields
 * normalised by this package's rules. See `createCustomerPatchSchema`.
 */
export function createCustomerDraftSchema(options?: SchemaOptions): CustomerDraftSchema;

/**
 * A Standard Schema (v1) for a patch, what `updateCustomer` takes: for
 * react-hook-form's `standardSchemaResolver`, TanStack Form's validators
 * and any library that takes one. `validate` is synchronous; its issues
 * are the problems that block sending (errors; warnings too with
 * `validation: "strict"`), each with a `path` array and a message in
 * `locale`; the value is the patch normalised by this package's rules
 * (`normalizeCustomerPatch`; the API itself normalises only `email`, and
 * `updateCustomer` sends what it is given). Throws a `CheckoutPageError`
 * (`validation`) for bad options.
 */
export function createCustomerPatchSchema(options?: SchemaOptions): CustomerPatchSchema;

/**
 * The JSON Schema (draft 2020-12) of a patch, rendered from the customer
 * field table (`fields/`): each field's type and doc comment, `null`
 * clearing all but `email`, no other fields, at least one. Only what the
 * API certainly refuses: usual lengths and formats stay warnings of
 * `validateCustomerPatch`, so a validator using it never blocks what the
 * server accepts. A new object at each call.
 */
export function customerPatchJsonSchema(): Record<string, unknown>;

/**
 * The smallest patch that turns `before` into `after` (an edited form, whole
 * or partial: a field `after` leaves out is unchanged, `null` or `""`
 * empties it; the same inside `address`, `shipping` and `shipping.address`,
 * so `{ address: { city } }` moves the city and keeps the other lines):
 * unchanged fields are omitted, emptied ones become `null`, and any change
 * inside `address` or `shipping` sends the complete object, because the API
 * replaces them whole. Differences that normalisation removes (spaces, email
 * case) are not changes. An edit the patch cannot carry is a
 * `CheckoutPageError` (`validation`), never dropped: an emptied email
 * (`email_required`), a key that is not a field (`unknown_field`) or a
 * changed read-only one (`read_only_field`); keys holding what `before`
 * holds (a form filled from `{...customer}`) are fine.
 */
export function diffCustomer(before: Customer, after: CustomerDraft, options?: MessageOptions): CustomerPatch;

/**
 * The three-way merge of a conflict-aware save, without a request: `draft`
 * (a form edited from `base`, whole or partial as for `diffCustomer`)
 * merged with `current` (the customer as stored now), field by field and
 * inside `address`, `shipping` and `shipping.address` line by line. Returns
 * `{ patch, draft, mine, theirs, both, conflicts }`: the patch that turns
 * `current` into the merged customer, the merged customer's editable
 * fields (every one, `null` where empty), and the dotted params changed by
 * the draft only, by `current` only, by both alike, and by both differently
 * (`{ param, base, theirs, mine }`, merged as `options.onConflict` says:
 * `"mine"` takes the draft's value, `"theirs"` and `"reject"` keep
 * `current`'s). Throws a `CheckoutPageError` of kind `"validation"` for an
 * argument that is not a customer or a draft, its messages in
 * `options.locale` (English by default).
 */
export function mergeCustomer(base: Customer, current: Customer, draft: CustomerDraft, options?: MergeOptions): MergeResult;

/**
 * The patch normalised by this package's rules: strings trimmed, emails
 * lowercased, country codes uppercased. (The API itself is documented to
 * normalise only `email`; `updateCustomer` sends the patch it is given, so
 * send this one to store normalised values.) Throws a `CheckoutPageError`
 * of kind `"validation"` for a patch that is not well-formed.
 */
export function normalizeCustomerPatch(patch: CustomerPatch): CustomerPatch;

/**
 * Every problem with a patch, in the API's own `{param, message, value}`
 * shape with dotted params (`address.country`), each with a `code` and a
 * `severity`. Errors (structure: unknown and read-only fields, wrong types,
 * `email: null`; control characters; invalid Unicode; values JSON cannot
 * carry) stop `updateCustomer`; warnings (lengths, emails, country codes,
 * postal codes, phones, tax ids) do not, unless `validation: "strict"`. A
 * list with no error means `updateCustomer` sends the patch. Messages are
 * in `options.locale` (English by default); bad options are problems too.
 */
export function validateCustomerPatch(patch: unknown, options?: MessageOptions): ValidationProblem[];

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_checkoutpageclient_free: (a: number, b: number) => void;
    readonly __wbg_customerschemarules_free: (a: number, b: number) => void;
    readonly applyCustomerPatch: (a: any, b: any) => [number, number, number];
    readonly checkoutpageclient_getCustomer: (a: number, b: any, c: number) => any;
    readonly checkoutpageclient_listCustomers: (a: number, b: number, c: number) => any;
    readonly checkoutpageclient_new: (a: any) => [number, number, number];
    readonly checkoutpageclient_saveCustomer: (a: number, b: any, c: any, d: number) => any;
    readonly checkoutpageclient_updateCustomer: (a: number, b: any, c: any, d: number) => any;
    readonly checkoutpageclient_updateCustomers: (a: number, b: any, c: number) => any;
    readonly createCustomerDraftSchema: (a: number) => [number, number, number];
    readonly createCustomerPatchSchema: (a: number) => [number, number, number];
    readonly customerPatchJsonSchema: () => any;
    readonly customerschemarules_run: (a: number, b: any) => any;
    readonly diffCustomer: (a: any, b: any, c: number) => [number, number, number];
    readonly mergeCustomer: (a: any, b: any, c: any, d: number) => [number, number, number];
    readonly normalizeCustomerPatch: (a: any) => [number, number, number];
    readonly start: () => void;
    readonly validateCustomerPatch: (a: any, b: number) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: any, d: number) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number) => any;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
