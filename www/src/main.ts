// The customer editor: load a customer through the same-origin proxy with
// `client.getCustomer`, edit it in a form, preview the patch the SDK will
// send, validate it in the browser, and save it with `client.updateCustomer`.
import "./style.css";

import {
  ALL_FIELDS,
  COUNTRY_CODES,
  SECTIONS,
  TAX_ID_TYPES,
  errorId,
  inputId,
  readDraft,
  valueAt,
  type FieldDef,
} from "./fields";
import { EDITABLE_FIELDS, READ_ONLY_FIELDS } from "./customer-fields";
import {
  CheckoutPageClient,
  CheckoutPageError,
  diffCustomer,
  validateCustomerPatch,
  type Customer,
  type CustomerPage,
  type CustomerPatch,
  type FieldError,
} from "./sdk";

const READ_ONLY = READ_ONLY_FIELDS;
const EDITABLE = new Set<string>(EDITABLE_FIELDS);
/** Page-level retries after the SDK itself gave up on a 429. */
const RATE_LIMIT_RETRIES = 2;

// `?fake`: no server at all. The API is the package's test kit
// (checkoutpage-client/testing, loaded only in this mode, as its own chunk),
// which answers the same /proxy routes in-process with the same imitation the
// sandbox runs (the /proxy route injects the key, as a backend would).
const fakeApi = new URLSearchParams(location.search).has("fake")
  ? await (await import("checkoutpage-client/testing")).createFakeApi()
  : undefined;
/** The fake API in `?fake` mode, for tests driving the page (e.g. `window.fakeApi.fail(...)`). */
(window as unknown as { fakeApi?: unknown }).fakeApi = fakeApi;

// Keyless: the browser never holds the secret key. The sandbox's /proxy route
// (your backend, in production) adds it server-side.
const client = new CheckoutPageClient({
  baseUrl: `${location.origin}/proxy`,
  timeoutMs: 15_000,
  ...(fakeApi ? { fetch: fakeApi.fetch } : {}),
});

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>("customer-form");
const preview = $<HTMLPreElement>("patch-preview");
const notes = $<HTMLUListElement>("patch-notes");
const saveButton = $<HTMLButtonElement>("save-button");
const discardButton = $<HTMLButtonElement>("discard-button");
const formErrors = $("form-errors");

let customerId = "";
let loaded: Customer | null = null;
let patch: CustomerPatch = {};
let saving = false;
let loadToken = 0;
let rateLimitTimer: number | undefined;
let rateLimitRetries = 0;
/** Set after a save's outcome is shown; cleared by the next edit. */
let statusSticky = false;
/** Errors from the last failed save, per param, until that field is edited. */
let serverErrors: FieldError[] = [];

// ---------------------------------------------------------------- the form

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | boolean | number | undefined> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === "class") node.className = String(value);
    else if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children);
  return node;
}

function fieldNode(def: FieldDef): HTMLElement {
  const id = inputId(def.param);
  const hintId = def.hint ? `hint-${id}` : undefined;
  const input = el("input", {
    id,
    name: def.param,
    type: def.type ?? "text",
    "data-param": def.param,
    autocomplete: "off",
    spellcheck: def.type ? "false" : undefined,
    placeholder: def.placeholder,
    list: def.list,
    inputmode: def.inputmode,
    autocapitalize: def.autocapitalize,
    maxlength: def.maxlength,
    "aria-describedby": [hintId, errorId(def.param)].filter(Boolean).join(" "),
  });
  return el("div", { class: `field${def.wide ? " field-wide" : ""}`, "data-field": def.param }, [
    el("label", { for: id }, [def.label, el("span", { class: "changed-mark", text: "edited" })]),
    input,
    ...(def.hint ? [el("p", { class: "hint", id: hintId, text: def.hint })] : []),
    el("p", { class: "field-error", id: errorId(def.param) }),
  ]);
}

function buildForm(): void {
  for (const section of SECTIONS) {
    const legendId = `legend-${section.title.toLowerCase().replace(/\W+/g, "-")}`;
    const fieldset = el("fieldset", { class: "card section", "data-group": section.group, "aria-describedby": `${legendId}-desc` }, [
      el("legend", { id: legendId, text: section.title }),
      el("p", { class: "section-description", id: `${legendId}-desc`, text: section.description }),
      ...(section.group ? [el("p", { class: "field-error group-error", id: errorId(section.group) })] : []),
      el("div", { class: "grid" }, section.fields.map(fieldNode)),
    ]);
    if (section.sub) {
      fieldset.append(
        el("fieldset", { class: "subsection", "data-group": section.sub.group }, [
          el("legend", { text: section.sub.title }),
          el("p", { class: "field-error group-error", id: errorId(section.sub.group) }),
          el("div", { class: "grid" }, section.sub.fields.map(fieldNode)),
        ]),
      );
    }
    form.append(fieldset);
  }
  document.body.append(
    el("datalist", { id: "tax-id-types" }, TAX_ID_TYPES.map((v) => el("option", { value: v }))),
    el("datalist", { id: "country-codes" }, COUNTRY_CODES.map((v) => el("option", { value: v }))),
  );
}

function input(param: string): HTMLInputElement {
  return $<HTMLInputElement>(inputId(param));
}

function fill(customer: Customer): void {
  for (const def of ALL_FIELDS) input(def.param).value = valueAt(customer, def.param);
}

function setEditable(editable: boolean): void {
  for (const def of ALL_FIELDS) input(def.param).readOnly = !editable;
  form.setAttribute("aria-busy", String(!editable));
}

// ------------------------------------------------------- preview + errors

function isEmpty(p: CustomerPatch): boolean {
  return Object.keys(p).length === 0;
}

/** Form → draft → patch → preview → validation, on every keystroke. */
function refresh(): void {
  if (!loaded) return;
  for (const def of ALL_FIELDS) {
    const changed = input(def.param).value !== valueAt(loaded, def.param);
    input(def.param).closest(".field")!.classList.toggle("is-changed", changed);
  }

  let clientErrors: FieldError[] = [];
  try {
    patch = diffCustomer(loaded, readDraft((param) => input(param).value));
    clientErrors = isEmpty(patch) ? [] : validateCustomerPatch(patch);
  } catch (error) {
    patch = {};
    clientErrors = [{ param: "", message: String((error as Error)?.message ?? error), value: null }];
  }

  renderPreview();
  showErrors([...clientErrors, ...serverErrors]);
  // Warnings (unusual formats and lengths) are hints: the API may well accept
  // the value, so they never disable Save. Only errors do.
  const blocked = clientErrors.some(isBlocking);
  saveButton.disabled = saving || isEmpty(patch) || blocked;
  discardButton.disabled = saving || !isDirty();
  if (!saving && !rateLimitTimer && !statusSticky) {
    const state = $("status").dataset.state;
    if (!isEmpty(patch)) {
      setStatus(blocked ? "invalid" : "dirty", blocked ? "Fix the highlighted fields" : "Unsaved changes", blocked ? "Save is disabled until the patch is valid." : "Review the patch, then save.");
    } else if (state === "dirty" || state === "invalid") {
      setStatus("idle", "No unsaved changes", lastSavedText());
    }
  }
}

function isDirty(): boolean {
  return !!loaded && ALL_FIELDS.some((def) => input(def.param).value !== valueAt(loaded!, def.param));
}

function renderPreview(): void {
  notes.replaceChildren();
  if (isEmpty(patch)) {
    preview.textContent = "No changes";
    preview.classList.add("is-empty");
    return;
  }
  preview.classList.remove("is-empty");
  preview.textContent = JSON.stringify(patch, null, 2);
  for (const [key, value] of Object.entries(patch)) {
    let text: string;
    if (value === null) text = `${key}: cleared (sent as null)`;
    else if (key === "address" || key === "shipping") {
      text = `${key}: sent whole — the API replaces the stored ${key} with exactly this object`;
    } else text = `${key}: set`;
    notes.append(el("li", { class: value !== null && (key === "address" || key === "shipping") ? "note-whole" : "", text }));
  }
}

/** Whether a problem blocks saving: an error (a server error has no severity). */
function isBlocking(problem: FieldError): boolean {
  return problem.severity !== "warning";
}

/**
 * Shows each problem next to its field, errors in red and warnings as amber
 * hints; problems with no matching field go to the top.
 */
function showErrors(errors: FieldError[]): void {
  const byParam = new Map<string, FieldError[]>();
  const general: FieldError[] = [];
  for (const error of errors) {
    const slot = error.param ? document.getElementById(errorId(error.param)) : null;
    if (!slot) {
      general.push(error);
      continue;
    }
    byParam.set(error.param, [...(byParam.get(error.param) ?? []), error]);
  }

  for (const slot of form.querySelectorAll<HTMLElement>(".field-error")) {
    const param = slot.id.slice("err-".length);
    const key = [...byParam.keys()].find((p) => errorId(p) === slot.id);
    const problems = key ? byParam.get(key)! : [];
    const blocking = problems.some(isBlocking);
    const warning = problems.length > 0 && !blocking;
    slot.textContent = problems.map((p) => p.message).join(" ");
    slot.classList.toggle("is-warning", warning);
    const field = document.getElementById(`f-${param}`) as HTMLInputElement | null;
    if (field) {
      field.setAttribute("aria-invalid", String(blocking));
      field.closest(".field")!.classList.toggle("has-error", blocking);
      field.closest(".field")!.classList.toggle("has-warning", warning);
    } else {
      slot.closest("fieldset")?.classList.toggle("has-group-error", blocking);
    }
  }

  formErrors.hidden = general.length === 0;
  formErrors.replaceChildren(
    ...general.map((e) => el("p", {}, [e.param ? el("code", { text: e.param }) : "", e.param ? " " : "", e.message])),
  );
}

// ------------------------------------------------------------------ status

type State = "loading" | "idle" | "dirty" | "invalid" | "saving" | "success" | "error" | "rate-limited" | "offline";

function setStatus(state: State, title: string, detail = ""): void {
  const status = $("status");
  status.dataset.state = state;
  $("status-title").textContent = title;
  $("status-detail").textContent = detail;
}

let toastTimer: number | undefined;
function toast(message: string): void {
  const node = $("toast");
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (node.hidden = true), 4000);
}

function formatTime(iso: unknown): string {
  if (typeof iso !== "string") return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

function lastSavedText(): string {
  return loaded ? `Last updated ${formatTime(loaded.updatedAt)}.` : "";
}

function renderHeader(customer: Customer): void {
  const title = customer.name || customer.companyName || customer.email || customer.id;
  $("customer-title").textContent = String(title);
  $("customer-subtitle").textContent = [customer.companyName && customer.name ? customer.companyName : "", customer.email ?? ""]
    .filter(Boolean)
    .join(" · ");
  $("request-line").textContent = `PATCH /v1/customers/${customer.id}`;
  document.title = `${title} · Customers · Checkout Page SDK demo`;

  const record = $("record");
  record.replaceChildren();
  const row = (term: string, value: string, mono = false) =>
    record.append(el("div", {}, [el("dt", { text: term }), el("dd", { class: mono ? "mono" : undefined, text: value })]));
  for (const key of READ_ONLY) {
    const value = customer[key];
    if (value == null) continue;
    row(key, key.endsWith("At") ? formatTime(value) : String(value), key !== "createdAt" && key !== "updatedAt");
  }
  // Fields the API returned that this form does not edit: kept by the SDK, shown as-is.
  for (const [key, value] of Object.entries(customer)) {
    if (EDITABLE.has(key) || (READ_ONLY as readonly string[]).includes(key)) continue;
    row(key, JSON.stringify(value), true);
  }

  updateResult(customer);
}

// -------------------------------------------------------------- load/save

async function load(id: string): Promise<void> {
  const token = ++loadToken;
  customerId = id;
  loaded = null;
  serverErrors = [];
  statusSticky = false;
  cancelRateLimitRetry();
  setEditable(false);
  saveButton.disabled = discardButton.disabled = true;
  setStatus("loading", "Loading customer…", id);
  try {
    // Loaded with the SDK too: same proxy, retries, rate limit and errors.
    const customer = await client.getCustomer(id);
    if (token !== loadToken) return;
    loaded = customer;
    fill(loaded);
    renderHeader(loaded);
    setEditable(true);
    setStatus("idle", "Loaded", lastSavedText());
    refresh();
  } catch (error) {
    if (token !== loadToken) return;
    $("customer-subtitle").textContent = id;
    if (!(error instanceof CheckoutPageError) || error.kind === "network" || error.kind === "timeout") {
      $("customer-title").textContent = "Could not load the customer";
      setStatus("offline", "Offline / network error", "The sandbox did not answer. Is it running?");
    } else if (error.kind === "not_found") {
      $("customer-title").textContent = "Customer not found";
      setStatus("error", "Customer not found", error.message);
    } else {
      $("customer-title").textContent = "Could not load the customer";
      setStatus("error", `Could not load (${error.status ?? error.kind})`, error.message);
    }
  }
}

async function save(): Promise<void> {
  if (saving || !loaded) return;
  cancelRateLimitRetry();
  statusSticky = false;
  serverErrors = [];
  refresh();
  if (isEmpty(patch)) return;
  const clientErrors = validateCustomerPatch(patch).filter(isBlocking);
  if (clientErrors.length) {
    focusFirstError(clientErrors);
    return;
  }

  const id = customerId;
  const sent = patch;
  saving = true;
  setEditable(false);
  saveButton.disabled = discardButton.disabled = true;
  saveButton.textContent = "Saving…";
  setStatus("saving", "Saving…", "The SDK retries transient errors (429, 5xx, network) before giving up.");
  const slow = window.setTimeout(() => {
    if (saving) setStatus("saving", "Saving… still waiting", "The server is slow or the SDK is retrying a transient error.");
  }, 2500);

  try {
    const customer = await client.updateCustomer(id, sent);
    if (id !== customerId) return;
    rateLimitRetries = 0;
    loaded = customer;
    fill(customer);
    renderHeader(customer);
    setStatus("success", "Saved", `Stored by the server at ${formatTime(customer.updatedAt)}.`);
    toast(`Saved ${Object.keys(sent).join(", ")}`);
  } catch (error) {
    if (id !== customerId) return;
    handleSaveError(error);
  } finally {
    clearTimeout(slow);
    saving = false;
    saveButton.textContent = "Save changes";
    setEditable(true);
    // The outcome stays in the status line until the next edit.
    statusSticky = true;
    refresh();
  }
}

function setFinalStatus(state: State, title: string, detail = ""): void {
  setStatus(state, title, detail);
}

function handleSaveError(error: unknown): void {
  if (!(error instanceof CheckoutPageError)) {
    setFinalStatus("error", "Unexpected error", String(error));
    return;
  }
  const request = error.requestId ? ` (request ${error.requestId})` : "";
  const status = error.status ? ` ${error.status}` : "";
  serverErrors = error.errors;
  switch (error.kind) {
    case "validation":
    case "bad_request":
      setFinalStatus("error", `Rejected: ${error.message}`, `${error.kind}${status}${request}. See the highlighted fields.`);
      focusFirstError(error.errors);
      break;
    case "rate_limit": {
      const waitMs = Math.max(1000, error.retryAfterMs ?? 5000);
      if (rateLimitRetries < RATE_LIMIT_RETRIES) {
        rateLimitRetries += 1;
        scheduleRateLimitRetry(waitMs);
      } else {
        rateLimitRetries = 0;
        setFinalStatus("rate-limited", "Rate limited — try again later", `The API allows a limited number of requests per minute${request}.`);
      }
      break;
    }
    case "network":
      setFinalStatus(
        "offline",
        navigator.onLine ? "Offline / network error" : "Offline",
        `The request got no answer, even after the SDK's retries: ${error.message}`,
      );
      break;
    case "timeout":
      setFinalStatus("offline", "Timed out", `No answer in time, even after the SDK's retries${request}.`);
      break;
    case "not_found":
      setFinalStatus("error", "Customer not found", `It may have been deleted${request}.`);
      break;
    case "authentication":
    case "permission":
      setFinalStatus("error", `The proxy's key was refused (${error.kind})`, `${error.message}${request}`);
      break;
    case "server":
    case "http":
    case "invalid_response":
      setFinalStatus("error", `Server error${status}`, `${error.kind}: ${error.message}${request}. Nothing was changed on this page; try again.`);
      break;
    default:
      setFinalStatus("error", `Save failed (${error.kind})`, `${error.message}${request}`);
  }
}

function scheduleRateLimitRetry(waitMs: number): void {
  const until = Date.now() + waitMs;
  const tick = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      rateLimitTimer = undefined;
      void save();
      return;
    }
    setFinalStatus("rate-limited", "Rate limited — retrying", `Trying again in ${left} s (attempt ${rateLimitRetries} of ${RATE_LIMIT_RETRIES}).`);
    rateLimitTimer = window.setTimeout(tick, Math.min(1000, until - Date.now()));
  };
  tick();
}

function cancelRateLimitRetry(): void {
  clearTimeout(rateLimitTimer);
  rateLimitTimer = undefined;
}

function focusFirstError(errors: FieldError[]): void {
  for (const error of errors) {
    const field = document.getElementById(inputId(error.param));
    if (field) {
      field.focus();
      return;
    }
  }
  if (errors.length) formErrors.focus();
}

// ------------------------------------------------------------------ wiring

function initialId(): string {
  return new URLSearchParams(location.search).get("id")?.trim() ?? "";
}

// ------------------------------------------------------------------ finder
// Finds customers with the SDK's listCustomers: a debounced search box whose
// every new search cancels the one before (its AbortSignal), pages with
// next/previous and the total, and a row that loads the customer into the
// editor. The URL keeps the selection (`?id=`) and the search (`?q=`).

const PAGE_SIZE = 8;
const SEARCH_DEBOUNCE_MS = 250;
const search = $<HTMLInputElement>("customer-search");
const results = $<HTMLUListElement>("customer-results");
const resultsCount = $("results-count");
const previousPage = $<HTMLButtonElement>("previous-page");
const nextPage = $<HTMLButtonElement>("next-page");

let listing: AbortController | undefined;
let currentPage: CustomerPage | null = null;
/** Where the current page starts among all results (0-based), for "9–16 of 23". */
let pageStart = 0;
let searchTimer: number | undefined;

function resultLabel(customer: Customer): string {
  return [customer.name, customer.companyName].filter(Boolean).join(" — ") || String(customer.email ?? customer.id);
}

function resultButton(customer: Customer): HTMLButtonElement {
  const button = el("button", { type: "button", class: "result" }, [
    el("span", { class: "result-name", text: resultLabel(customer) }),
    el("span", { class: "result-email", text: String(customer.email ?? "") }),
  ]) as HTMLButtonElement;
  button.dataset.id = customer.id;
  button.setAttribute("aria-current", String(customer.id === customerId));
  button.addEventListener("click", () => selectCustomer(customer.id));
  return button;
}

function markSelected(): void {
  for (const button of results.querySelectorAll<HTMLButtonElement>(".result")) {
    button.setAttribute("aria-current", String(button.dataset.id === customerId));
  }
}

/** A saved customer's row shows its new name. */
function updateResult(customer: Customer): void {
  const button = results.querySelector<HTMLButtonElement>(`.result[data-id="${CSS.escape(customer.id)}"]`);
  button?.querySelector(".result-name")?.replaceChildren(resultLabel(customer));
  button?.querySelector(".result-email")?.replaceChildren(String(customer.email ?? ""));
}

function renderResults(page: CustomerPage, focusFirst: boolean): void {
  currentPage = page;
  results.replaceChildren(...page.data.map((customer) => el("li", {}, [resultButton(customer)])));
  const query = search.value.trim();
  const what = query ? `matching “${query}”` : "";
  resultsCount.textContent =
    page.total === 0
      ? `No customers ${what}`.trim()
      : `Showing ${pageStart + 1}–${pageStart + page.data.length} of ${page.total} customers ${what}`.trim();
  previousPage.disabled = !page.hasPreviousPage();
  nextPage.disabled = !page.hasNextPage();
  if (focusFirst) results.querySelector<HTMLButtonElement>(".result")?.focus();
  markSelected();
}

/** Lists the first page for `query`, cancelling any listing in progress. */
async function runSearch(query: string): Promise<void> {
  listing?.abort();
  const controller = (listing = new AbortController());
  results.setAttribute("aria-busy", "true");
  try {
    const page = await client.listCustomers({ search: query || undefined, limit: PAGE_SIZE }, { signal: controller.signal });
    if (controller !== listing) return;
    pageStart = 0;
    renderResults(page, false);
    // No customer chosen yet: the newest one.
    if (!customerId && page.data[0]) selectCustomer(page.data[0].id, { replace: true });
  } catch (error) {
    if (controller !== listing || (error instanceof CheckoutPageError && error.kind === "aborted")) return;
    resultsCount.textContent = `Could not list customers: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (controller === listing) results.removeAttribute("aria-busy");
  }
}

async function turnPage(direction: "next" | "previous"): Promise<void> {
  const page = currentPage;
  if (!page || !listing) return;
  const controller = listing;
  previousPage.disabled = nextPage.disabled = true;
  try {
    const turned = await (direction === "next" ? page.getNextPage() : page.getPreviousPage());
    if (controller !== listing) return;
    pageStart = direction === "next" ? pageStart + page.data.length : Math.max(0, pageStart - turned.data.length);
    renderResults(turned, true);
  } catch (error) {
    if (controller !== listing || (error instanceof CheckoutPageError && error.kind === "aborted")) return;
    resultsCount.textContent = `Could not load the page: ${error instanceof Error ? error.message : String(error)}`;
    renderResults(page, false);
  }
}

function selectCustomer(id: string, { replace = false } = {}): void {
  if (id === customerId && loaded) return;
  if (isDirty() && !confirm("Discard unsaved changes?")) return;
  const url = new URL(location.href);
  url.searchParams.set("id", id);
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  customerId = id;
  markSelected();
  void load(id);
}

function wireFinder(): void {
  const query = new URLSearchParams(location.search).get("q") ?? "";
  search.value = query;
  search.addEventListener("input", () => {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(() => {
      const url = new URL(location.href);
      const value = search.value.trim();
      if (value) url.searchParams.set("q", value);
      else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      void runSearch(value);
    }, SEARCH_DEBOUNCE_MS);
  });
  previousPage.addEventListener("click", () => void turnPage("previous"));
  nextPage.addEventListener("click", () => void turnPage("next"));
  void runSearch(query.trim());
}

function main(): void {
  buildForm();
  formErrors.tabIndex = -1;

  form.addEventListener("input", (event) => {
    const param = (event.target as HTMLElement).dataset.param;
    // An edited field drops the server's complaint about it (and about its group).
    if (param) serverErrors = serverErrors.filter((e) => !(e.param === param || param.startsWith(`${e.param}.`)));
    statusSticky = false;
    refresh();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void save();
  });
  discardButton.addEventListener("click", () => {
    if (!loaded) return;
    serverErrors = [];
    fill(loaded);
    refresh();
    setStatus("idle", "Changes discarded", lastSavedText());
  });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      void save();
    }
  });
  window.addEventListener("popstate", () => {
    const id = initialId();
    if (!id) return;
    void load(id).then(markSelected);
  });
  window.addEventListener("beforeunload", (event) => {
    if (isDirty()) event.preventDefault();
  });

  const id = initialId();
  if (id) void load(id);
  wireFinder();
}

main();
