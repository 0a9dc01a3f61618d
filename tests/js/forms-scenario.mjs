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
  return JSON.parse(JSON.stringify(out));
}
