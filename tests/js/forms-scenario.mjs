// Issue 25's checks of the package's form API, run the same way in Node
// (forms.test.mjs imports it with the package's Node entry) and in a
// Chromium page (imported with the browser entry): Standard Schema objects,
// messages per locale, and diffCustomer never dropping an edit. Returns
// plain data; forms.test.mjs asserts on it.
export async function scenario(sdk, kit) {
  const { CheckoutPageClient, CheckoutPageError, createCustomerDraftSchema, createCustomerPatchSchema, diffCustomer } = sdk;
  const caught = (f) => {
    try {
      return { returned: f() };
    } catch (error) {
      return { isError: error instanceof CheckoutPageError, kind: error.kind, errors: error.errors, message: error.message };
    }
  };
  const out = {};

  // 1. Standard Schema objects.
  const patchSchema = createCustomerPatchSchema();
  const draftSchema = createCustomerDraftSchema();
  const std = patchSchema["~standard"];
  out.standard = { version: std.version, vendor: std.vendor, frozen: Object.isFrozen(patchSchema) && Object.isFrozen(std) };
  const pending = std.validate({ name: "Ada" });
  out.synchronous = !(pending instanceof Promise) && typeof pending?.then !== "function";
  out.patchValid = std.validate({ email: " Ada@Example.COM ", address: { country: "us", postalCode: "ABC" } });
  out.patchInvalid = std.validate({ email: "", emial: "x", address: { city: "Delft\nNL" } });
  out.strict = createCustomerPatchSchema({ validation: "strict" })["~standard"].validate({ phone: "call me" });
  out.warnings = patchSchema.warnings({ phone: "call me" });
  out.draftValid = draftSchema["~standard"].validate({ name: "  Ada ", email: "ADA@example.com", phone: "", billingEmail: "  " });
  out.draftBlankEmail = draftSchema["~standard"].validate({ email: "   ", name: "Ada" });
  out.draftNotObject = draftSchema["~standard"].validate("Ada");
  out.badSchemaOptions = caught(() => createCustomerPatchSchema({ locale: 42, colour: "red" }));

  // 2. Messages in the user's language.
  const bad = { email: "not-an-email", address: { country: "NL", postalCode: "12" }, name: "x".repeat(300) };
  out.messages = {};
  for (const locale of ["en", "nl", "de", "fr", "es", "pt-BR", "nl-BE"]) {
    out.messages[locale] = sdk.validateCustomerPatch(bad, { locale }).map((p) => [p.code, p.message]);
  }
  out.defaultMessages = sdk.validateCustomerPatch(bad).map((p) => [p.code, p.message]);
  out.badLocale = sdk.validateCustomerPatch({ name: "Ada" }, { locale: 7 });
  out.schemaLocale = createCustomerDraftSchema({ locale: "de" })["~standard"].validate({ email: "" });

  const api = await kit.createFakeApi();
  const options = { apiKey: kit.SANDBOX_KEY, fetch: api.fetch, dangerouslyAllowBrowser: true, requestsPerMinute: 100_000 };
  const id = "6650a1b2c3d4e5f601234568";
  const reject = (promise) => promise.then(
    () => ({ resolved: true }),
    (error) => ({ kind: error.kind, message: error.message, errors: error.errors }),
  );
  const french = new CheckoutPageClient({ ...options, locale: "fr" });
  out.clientLocale = await reject(french.updateCustomer(id, { email: null }));
  out.callLocale = await reject(french.updateCustomer(id, { email: null }, { locale: "es" }));
  out.bulkLocale = (await french.updateCustomers([{ customerId: id, patch: { emial: "x" } }], { locale: "nl" }))[0].error?.errors;
  out.sentNothing = api.requests.length;

  // 3. No silently dropped edit.
  const before = await french.getCustomer(id);
  out.before = before;
  out.diffEmpty = caught(() => diffCustomer(before, { email: "" }));
  out.diffBlank = caught(() => diffCustomer(before, { email: "   " }, { locale: "de" }));
  out.diffNull = caught(() => diffCustomer(before, { email: null }));
  out.diffTypo = caught(() => diffCustomer(before, { ...before, companyname: "Acme" }));
  out.diffReadOnly = caught(() => diffCustomer(before, { ...before, createdAt: "2030-01-01T00:00:00Z" }));
  out.diffAddressTypo = caught(() => diffCustomer(before, { address: { line1: "Main St 1", zip: "1015 CC" } }));
  out.diffSpread = caught(() => diffCustomer(before, { ...before, name: "Grace Hopper" }));
  out.diffUnchanged = caught(() => diffCustomer(before, { email: before.email }));

  // 4. Issue 25's trial (notes/trial25.md): no edit dropped whichever path
  // the values take, extra fields of the API at any depth, the stored value.
  const t = {};
  const loaded = {
    ...before,
    stripeCustomerId: "cus_OLD",
    metadata: { plan: "pro" },
    address: { line1: "Keizersgracht 123", line2: "3rd floor", city: "Amsterdam", state: "Noord-Holland", line3: "Building C" },
  };
  const draft = createCustomerDraftSchema()["~standard"];
  const judged = createCustomerDraftSchema({ before: loaded })["~standard"];
  // F1: a changed read-only key reaches diffCustomer (refused) or is an issue.
  const f1 = draft.validate({ ...loaded, stripeCustomerId: "cus_NEW123" });
  t.f1Value = f1.value?.stripeCustomerId;
  t.f1Diff = caught(() => diffCustomer(loaded, f1.value));
  t.f1Judged = judged.validate({ ...loaded, stripeCustomerId: "cus_NEW123" }).issues;
  // F2/F3: unknown keys holding what was loaded are not edits, at any depth.
  t.f2Unchanged = draft.validate({ ...loaded }).issues;
  t.f2JudgedUnchanged = judged.validate(structuredClone(loaded)).issues;
  t.f3Clone = caught(() => diffCustomer(loaded, structuredClone(loaded)));
  t.f3Name = caught(() => diffCustomer(loaded, { ...loaded, name: "Grace" }));
  t.f3Schema = caught(() => diffCustomer(loaded, draft.validate({ ...loaded, name: "Grace" }).value));
  t.f3Changed = caught(() => diffCustomer(loaded, { ...loaded, address: { ...loaded.address, line3: "Building D" } }));
  t.f3Erased = caught(() => diffCustomer(loaded, { address: { city: "Haarlem" } }));
  t.f3JudgedNew = judged.validate({ ...loaded, metadata: { plan: "free" } }).issues;
  // F4: a partial address keeps what it leaves out, through the schema too.
  const { line3, ...plain } = loaded.address;
  const noLine3 = { ...loaded, address: plain };
  const f4 = draft.validate({ ...noLine3, address: { line1: plain.line1, city: "Haarlem" } });
  t.f4Value = f4.value?.address;
  t.f4Diff = caught(() => diffCustomer(noLine3, f4.value));
  // F5: an unchanged stored tab does not block when the schema has the customer.
  const tabbed = { ...loaded, name: "Grace\tHopper" };
  const tabJudged = createCustomerDraftSchema({ before: tabbed })["~standard"];
  t.f5Unjudged = draft.validate({ ...tabbed, phone: "+31 20 555 0100" }).issues?.map((i) => i.code);
  t.f5Judged = tabJudged.validate({ ...tabbed, phone: "+31 20 555 0100" });
  t.f5Edited = tabJudged.validate({ ...tabbed, name: "Grace\tH." }).issues;
  // F8: an all-blank address is null, as diffCustomer sends it.
  t.f8 = draft.validate({ address: { line1: "", line2: " ", city: "", state: "", postalCode: "", country: "" } }).value;
  // F11: at most 100 issues and a summary, each with code and severity.
  const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i]));
  t.f11 = createCustomerPatchSchema({ locale: "de" })["~standard"].validate(many).issues;
  // F13: "off" blocks only what cannot be sent as given.
  t.f13 = createCustomerDraftSchema({ validation: "off" })["~standard"].validate({ name: "a\tb" });
  // F14: a polluted Object.prototype.then does not hijack an awaited result.
  Object.defineProperty(Object.prototype, "then", { configurable: true, value(resolve) { resolve("HIJACKED"); } });
  try {
    const awaited = await createCustomerPatchSchema()["~standard"].validate({ email: "" });
    t.f14 = awaited === "HIJACKED" ? "HIJACKED" : awaited.issues.map((i) => i.code);
    const valued = await draft.validate({ name: "Ada" });
    t.f14Value = valued === "HIJACKED" ? "HIJACKED" : Object.getPrototypeOf(valued.value);
  } finally {
    delete Object.prototype.then;
  }
  // F16: locale null is English everywhere.
  t.f16 = caught(() => createCustomerDraftSchema({ locale: null })["~standard"].validate({ email: "" }).issues[0].message);
  // F12: one huge paste is reported at its field, in the locale, with the limit.
  t.f12 = createCustomerDraftSchema({ locale: "fr" })["~standard"].validate({ name: "x".repeat(300_000) }).issues;
  // F10: a bad client option is invalid_option, in the client's locale.
  t.f10 = caught(() => new CheckoutPageClient({ ...options, locale: "nl", maxRetries: -1 }));
  // 25c's trial F3, F4: the constructor's and the schema factories' own
  // problems are in the locale they were given, in English without one.
  t.c3 = ["de", "en"].map((locale) => caught(() => new CheckoutPageClient({ ...options, locale, validation: "loud", baseUrl: "http://api.example.com" })).errors.map((e) => e.message));
  t.c4 = ["de", "en"].map((locale) => caught(() => createCustomerDraftSchema({ locale, validation: "loud" })).errors.map((e) => e.message));
  out.trial25 = t;

  // 5. Issue 25c: a translated message says what the English one says
  // (trial F9, F10), whichever locale, through the real reader of values.
  const LOCALES = ["en", "nl", "de", "fr", "es"];
  const c = { messages: [] };
  const requestsBefore = api.requests.length;
  const messages = (name, problems) => c.messages.push([name, problems]);
  class Point {
    get x() {
      return 1;
    }
  }
  const patches = {
    unknownField: { metadata: 1 },
    unknownNested: { address: { foo: 1 } },
    invalidType: { name: 5, address: [] },
    date: { name: new Date(0) },
    map: { address: new Map() },
    fn: { name: () => 1 },
    nan: { phone: NaN },
    bigint: { phone: 1n },
    throwingGetter: Object.defineProperty({}, "name", { enumerable: true, get() { throw new Error("getter failed"); } }),
    toJSON: { name: { toJSON() { throw new Error("boom"); } } },
    classGetter: { address: new Point() },
    emptyBilling: { billingEmail: " " },
    taxPair: { taxId: "DE123456789" },
    notObject: 5,
  };
  for (const [name, patch] of Object.entries(patches)) {
    messages(name, LOCALES.map((locale) => sdk.validateCustomerPatch(patch, { locale }).map((p) => [p.param, p.code, p.message])));
  }
  messages("hugePaste", LOCALES.map((locale) => (createCustomerDraftSchema({ locale })["~standard"].validate({ name: "x".repeat(300_000) }).issues ?? []).map((i) => [i.param, i.code, i.message])));
  const errorsOf = (f) => {
    try {
      f();
      return [];
    } catch (error) {
      return (error.errors ?? []).map((e) => [e.param, e.code, e.message]);
    }
  };
  const asyncErrorsOf = async (f) => {
    try {
      await f();
      return [];
    } catch (error) {
      return (error.errors ?? []).map((e) => [e.param, e.code, e.message]);
    }
  };
  // diffCustomer's arguments that are not a customer or a draft.
  messages("diffDraft", LOCALES.map((locale) => errorsOf(() => diffCustomer(before, 5, { locale }))));
  messages("diffBefore", LOCALES.map((locale) => errorsOf(() => diffCustomer(5, {}, { locale }))));
  messages("diffBeforeField", LOCALES.map((locale) => errorsOf(() => diffCustomer({ ...before, id: 5 }, {}, { locale }))));
  // invalid_customer_id, per client and per call; cursors.
  const ids = [];
  for (const locale of LOCALES) {
    const client = new CheckoutPageClient({ ...options, locale });
    ids.push([
      ...(await asyncErrorsOf(() => client.updateCustomer(` ${id} `, { name: "A" }))),
      ...(await asyncErrorsOf(() => client.getCustomer(".."))),
      ...(await asyncErrorsOf(() => client.getCustomer(5))),
      ...(await asyncErrorsOf(() => client.saveCustomer({ ...before, id: ` ${id} ` }, { name: "B" }))),
      ...(await asyncErrorsOf(() => client.listCustomers({ startingAfter: "abc", limit: 0 }))),
    ]);
  }
  messages("customerIds", ids);
  // Options: unknown ones say what is accepted; ranges their bounds.
  messages("options", await Promise.all(LOCALES.map((locale) => asyncErrorsOf(() => new CheckoutPageClient({ ...options, locale }).updateCustomer(id, { name: "A" }, { timeoutMs: -1, colour: 1 })))));
  // mergeCustomer takes a locale as the other calls do (English by default).
  c.merge = LOCALES.map((locale) => errorsOf(() => sdk.mergeCustomer(before, before, 5, { locale })));
  c.mergeDefault = errorsOf(() => sdk.mergeCustomer(before, before, 5));
  c.mergeUnknownLocale = errorsOf(() => sdk.mergeCustomer(before, before, 5, { locale: "pt-BR" }));
  c.sentNothing = api.requests.length - requestsBefore;
  out.c = c;
  return JSON.parse(JSON.stringify(out));
}
