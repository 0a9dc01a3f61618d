// A form that only uses the rules, from the rules-only entry (bundled by ../bundles.mjs).
export { createCustomerPatchSchema, diffCustomer, validateCustomerPatch } from "checkoutpage-client/rules";
