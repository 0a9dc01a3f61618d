// The `checkoutpage-client/init` entry used before, during and after
// `init()`, the same way in Node (init-entry.test.mjs) and in a Chromium
// page: a call made before the module is loaded throws a CheckoutPageError
// of kind "environment" that says to await init(), never the glue's bare
// TypeError. Returns plain data.
export async function scenario(sdk) {
  const outcome = (f) => {
    try {
      const value = f();
      return { returned: typeof value };
    } catch (error) {
      return {
        name: error?.name,
        isCheckoutPageError: error instanceof sdk.CheckoutPageError,
        isTypeError: error instanceof TypeError,
        kind: error?.kind,
        errors: error?.errors,
        message: String(error?.message),
        cause: error?.cause instanceof TypeError ? "TypeError" : typeof error?.cause,
      };
    }
  };
  const calls = {
    createCustomerPatchSchema: () => sdk.createCustomerPatchSchema(),
    createCustomerDraftSchema: () => sdk.createCustomerDraftSchema({ locale: "nl" }),
    customerPatchJsonSchema: () => sdk.customerPatchJsonSchema(),
    validateCustomerPatch: () => sdk.validateCustomerPatch({ name: "Ada" }),
    diffCustomer: () => sdk.diffCustomer({ id: "x" }, {}),
    newClient: () => new sdk.CheckoutPageClient({}),
  };
  const out = { before: {}, pending: {}, after: {} };
  for (const [name, call] of Object.entries(calls)) out.before[name] = outcome(call);
  // CheckoutPageError itself is plain JavaScript: usable at any time.
  out.errorClass = outcome(() => new sdk.CheckoutPageError("x", { kind: "validation" }));
  const loading = sdk.init();
  for (const [name, call] of Object.entries(calls)) out.pending[name] = outcome(call);
  await loading;
  for (const [name, call] of Object.entries(calls)) out.after[name] = outcome(call);
  const client = new sdk.CheckoutPageClient({});
  out.instance = client instanceof sdk.CheckoutPageClient;
  out.schemaIssue = sdk.createCustomerPatchSchema({ locale: "de" })["~standard"].validate({ email: "" }).issues[0].code;
  return out;
}
