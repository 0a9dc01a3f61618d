// An app that only validates (bundled by ../bundles.mjs).
export { validateCustomerPatch } from "checkoutpage-client";
