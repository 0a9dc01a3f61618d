// The customer editor: load a customer through the same-origin proxy with
// `client.getCustomer`, edit it in a form, preview the patch the SDK will
// send, validate it in the browser, and save it with `client.saveCustomer`:
// an edit saved meanwhile by someone else (another tab, a colleague) is
// merged, and a field both changed is shown with both values to choose from.
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
  mergeCustomer,
  validateCustomerPatch,
  type Conflict,
  type Customer,
  type CustomerPage,
  type CustomerDraft,
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

/**
 * Problems are shown in the browser's language (English, Dutch, German,
 * French or Spanish; any other language gets English). `?locale=nl`
 * overrides it, for trying the messages out.
 */
const LOCALE = new URLSearchParams(location.search).get("locale") ?? navigator.language;

// Keyless: the browser never holds the secret key. The sandbox's /proxy route
// (your backend, in production) adds it server-side.
const client = new CheckoutPageClient({
  baseUrl: `${location.origin}/proxy`,
  timeoutMs: 15_000,
  locale: LOCALE,
  ...(fakeApi ? { fetch: fakeApi.fetch } : {}),
});

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>("customer-form");
const preview = $<HTMLPreElement>("patch-preview");
const notes = $<HTMLUListElement>("patch-notes");
const saveButton = $<HTMLButtonElement>("save-button");
const discardButton = $<HTMLButtonElement>("discard-button");
const formErrors = $("form-errors");
const conflictPanel = $("conflicts");
const conflictList = $("conflict-list");

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
/** The form's own problems at the last refresh (the draft's and the patch's). */
let draftErrors: FieldError[] = [];
/** The conflicts of the last save, with the customer as stored then, until settled. */
let pending: { conflicts: Conflict[]; current: Customer; draft: CustomerDraft } | null = null;

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

function fill(customer: Customer | CustomerDraft): void {
  for (const def of ALL_FIELDS) input(def.param).value = valueAt(customer as Customer, def.param);
}

function formDraft(): CustomerDraft {
  return readDraft((param) => input(param).value);
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
    patch = diffCustomer(loaded, formDraft(), { locale: LOCALE });
    clientErrors = isEmpty(patch) ? [] : validateCustomerPatch(patch, { locale: LOCALE });
  } catch (error) {
    // An edit the patch cannot carry (an emptied email: every customer has
    // one) is an error at its field, never a silently dropped edit.
    patch = {};
    clientErrors =
      error instanceof CheckoutPageError && error.errors.length
        ? error.errors
        : [{ param: "", message: String((error as Error)?.message ?? error), value: null }];
  }
  draftErrors = clientErrors;

  renderPreview();
  showErrors([...clientErrors, ...serverErrors]);
  // Warnings (unusual formats and lengths) are hints: the API may well accept
  // the value, so they never disable Save. Only errors do.
  const blocked = clientErrors.some(isBlocking);
  saveButton.disabled = saving || isEmpty(patch) || blocked;
  discardButton.disabled = saving || !isDirty();
  if (!saving && !rateLimitTimer && !statusSticky) {
    const state = $("status").dataset.state;
    if (!isEmpty(patch) || blocked) {
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
function toast(message: string, kind: "success" | "error" = "success"): void {
  const node = $("toast");
  node.textContent = message;
  node.dataset.kind = kind;
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
  hideConflicts();
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
  const blocking = draftErrors.filter(isBlocking);
  if (blocking.length) {
    focusFirstError(blocking);
    return;
  }
  if (isEmpty(patch)) return;
  const clientErrors = validateCustomerPatch(patch, { locale: LOCALE }).filter(isBlocking);
  if (clientErrors.length) {
    focusFirstError(clientErrors);
    return;
  }

  const id = customerId;
  const base = loaded;
  const draft = formDraft();
  hideConflicts();
  saving = true;
  setEditable(false);
  saveButton.disabled = discardButton.disabled = true;
  saveButton.textContent = "Saving…";
  setStatus("saving", "Saving…", "The SDK retries transient errors (429, 5xx, network) before giving up.");
  const slow = window.setTimeout(() => {
    if (saving) setStatus("saving", "Saving… still waiting", "The server is slow or the SDK is retrying a transient error.");
  }, 2500);

  try {
    // Loads the customer as stored now, merges what someone else saved since
    // `base` was loaded, and sends only my changes (whole address/shipping).
    const { customer, report } = await client.saveCustomer(base, draft);
    if (id !== customerId) {
      // Another customer was chosen meanwhile: say that this one was saved.
      updateResult(customer);
      toast(`Saved ${resultLabel(customer)}`);
      return;
    }
    rateLimitRetries = 0;
    loaded = customer;
    fill(customer);
    renderHeader(customer);
    const kept = report.theirs.length ? ` Kept someone else's change to ${report.theirs.join(", ")}.` : "";
    const odd = report.differences.length
      ? ` The server stored something else for ${report.differences.join(", ")}: check ${report.differences.length > 1 ? "them" : "it"}.`
      : "";
    setStatus("success", "Saved", `Stored by the server at ${formatTime(customer.updatedAt)}.${kept}${odd}`);
    toast(report.sent ? `Saved ${Object.keys(report.sent).join(", ")}` : "Nothing left to save");
  } catch (error) {
    if (id !== customerId) {
      // Never dropped silently: the edit of a customer no longer shown failed.
      const why = error instanceof CheckoutPageError ? error.message : String(error);
      toast(`Could not save ${resultLabel(base)}: ${why}`, "error");
      return;
    }
    handleSaveError(error);
  } finally {
    clearTimeout(slow);
    saving = false;
    saveButton.textContent = "Save changes";
    if (id === customerId) {
      setEditable(true);
      // The outcome stays in the status line until the next edit.
      statusSticky = true;
    }
    // (Else the customer chosen meanwhile is editable once it has loaded.)
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
    case "conflict":
      showConflicts(error.conflicts ?? [], error.current as Customer);
      setFinalStatus("error", "Conflicting changes", "Someone else changed the same fields: choose a value for each.");
      break;
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

// --------------------------------------------------------------- conflicts

const conflictLabel = (param: string): string => ALL_FIELDS.find((def) => def.param === param)?.label ?? param;
const shown = (value: string | null): string => (value === null || value === "" ? "(empty)" : value);

/** One row per conflicting field: both values, and a choice between them (mine preselected). */
function showConflicts(conflicts: Conflict[], current: Customer): void {
  pending = { conflicts, current, draft: formDraft() };
  conflictList.replaceChildren(
    ...conflicts.map((conflict, i) => {
      const choice = (side: "theirs" | "mine", title: string, value: string | null) =>
        el("label", { class: `conflict-choice conflict-${side}` }, [
          el("input", { type: "radio", name: `conflict-${i}`, value: side, checked: side === "mine", "data-param": conflict.param, "data-side": side }),
          el("span", { class: "conflict-side", text: title }),
          el("span", { class: "conflict-value", text: shown(value) }),
        ]);
      return el("fieldset", { class: "conflict", "data-conflict": conflict.param }, [
        el("legend", {}, [conflictLabel(conflict.param), " ", el("code", { text: conflict.param })]),
        el("p", { class: "conflict-base", text: `When you loaded it: ${shown(conflict.base)}` }),
        choice("theirs", "Theirs (saved meanwhile)", conflict.theirs),
        choice("mine", "Mine", conflict.mine),
      ]);
    }),
  );
  conflictPanel.hidden = false;
  for (const def of ALL_FIELDS) {
    input(def.param).closest(".field")!.classList.toggle("has-conflict", conflicts.some((c) => c.param === def.param));
  }
  conflictPanel.scrollIntoView({ block: "nearest" });
  conflictPanel.querySelector<HTMLInputElement>("input")?.focus();
}

function hideConflicts(): void {
  pending = null;
  conflictPanel.hidden = true;
  conflictList.replaceChildren();
  for (const node of form.querySelectorAll(".has-conflict")) node.classList.remove("has-conflict");
}

/** Sets the dotted `param` of a draft (creating `address`/`shipping` objects on the way). */
function setAt(draft: CustomerDraft, param: string, value: string | null): void {
  const keys = param.split(".");
  let node = draft as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/**
 * Rebases the form on the customer as stored now: every change of mine and
 * theirs merged, each conflicting field set to the value chosen; then saves
 * again (itself conflict-aware, should someone save yet again meanwhile).
 */
function applyConflictChoices(): void {
  if (!pending || !loaded) return;
  const { conflicts, current, draft } = pending;
  const merged = mergeCustomer(loaded, current, draft, { onConflict: "theirs", locale: LOCALE }).draft;
  for (const conflict of conflicts) {
    const picked = conflictList.querySelector<HTMLInputElement>(`input[data-param="${conflict.param}"]:checked`);
    if (picked?.dataset.side === "mine") setAt(merged, conflict.param, conflict.mine);
  }
  loaded = current;
  renderHeader(current);
  fill(merged);
  hideConflicts();
  statusSticky = false;
  refresh();
  void save();
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
  // Edits being saved are not discarded: the save's outcome is shown when it ends.
  if (!saving && isDirty() && !confirm("Discard unsaved changes?")) return;
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
  $("conflict-apply").addEventListener("click", applyConflictChoices);
  $("conflict-cancel").addEventListener("click", () => {
    hideConflicts();
    statusSticky = false;
    refresh();
  });
  discardButton.addEventListener("click", () => {
    if (!loaded) return;
    serverErrors = [];
    hideConflicts();
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
